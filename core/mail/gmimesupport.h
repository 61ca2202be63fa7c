#pragma once
// GMime inside the core, for core/mail/*.cpp only: this header includes GMime (and GLib), so no
// header of ours that others include may include it. Include it first, before any Qt header:
// GLib's headers use `signals` as a name, which Qt's keywords would turn into `public`.

#include <gmime/gmime.h>

#include <memory>

class QIODevice;

namespace socketeer::gmime {

// g_mime_init(), once per process, from whichever thread gets here first. GMime is never shut
// down: its few global tables live as long as the process.
void ensureInitialized();

struct ObjectUnref {
    void operator()(gpointer object) const
    {
        if (object)
            g_object_unref(object);
    }
};
// Owns one reference to a GObject (GMimeMessage, GMimePart, GMimeStream...).
template <typename T>
using Ref = std::unique_ptr<T, ObjectUnref>;

struct FormatOptionsFree {
    void operator()(GMimeFormatOptions *options) const { g_mime_format_options_free(options); }
};
using FormatOptions = std::unique_ptr<GMimeFormatOptions, FormatOptionsFree>;

// A GMimeStream that writes to a QIODevice (not owned; must outlive the stream), so a message is
// written as GMime produces it, without first collecting it in memory. Write-only.
Ref<GMimeStream> newDeviceStream(QIODevice *device);
// Whether a write to the device failed; its errorString() says why.
bool deviceStreamFailed(GMimeStream *stream);

} // namespace socketeer::gmime
