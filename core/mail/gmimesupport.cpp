#include "gmimesupport.h"   // first: GMime before Qt, see there

#include <QIODevice>

#include <mutex>

namespace socketeer::gmime {

void ensureInitialized()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

namespace {

struct DeviceStream {
    GMimeStream parent;
    QIODevice *device;
    gboolean failed;
};

struct DeviceStreamClass {
    GMimeStreamClass parent_class;
};

GType device_stream_get_type();
// GLib's type boilerplate casts the C way, in our file: not ours to rewrite.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
G_DEFINE_TYPE(DeviceStream, device_stream, GMIME_TYPE_STREAM)
#pragma GCC diagnostic pop

DeviceStream *asDeviceStream(GMimeStream *stream)
{
    return G_TYPE_CHECK_INSTANCE_CAST(stream, device_stream_get_type(), DeviceStream);
}

ssize_t deviceWrite(GMimeStream *stream, const char *buffer, size_t length)
{
    DeviceStream *self = asDeviceStream(stream);
    if (self->failed)
        return -1;
    size_t written = 0;
    while (written < length) {
        const qint64 n = self->device->write(buffer + written, static_cast<qint64>(length - written));
        if (n <= 0) {
            self->failed = TRUE;
            return -1;
        }
        written += static_cast<size_t>(n);
    }
    return static_cast<ssize_t>(written);
}

ssize_t deviceRead(GMimeStream *, char *, size_t) { return -1; }   // write-only
int deviceFlush(GMimeStream *) { return 0; }   // the owner of the device decides when to flush
int deviceClose(GMimeStream *) { return 0; }   // ...and to close
gboolean deviceEos(GMimeStream *) { return FALSE; }
int deviceReset(GMimeStream *) { return -1; }
gint64 deviceSeek(GMimeStream *, gint64, GMimeSeekWhence) { return -1; }
gint64 deviceTell(GMimeStream *stream) { return stream->position; }
gint64 deviceLength(GMimeStream *) { return -1; }
GMimeStream *deviceSubstream(GMimeStream *, gint64, gint64) { return nullptr; }

void device_stream_class_init(DeviceStreamClass *klass)
{
    GMimeStreamClass *streamClass = &klass->parent_class;
    streamClass->read = deviceRead;
    streamClass->write = deviceWrite;
    streamClass->flush = deviceFlush;
    streamClass->close = deviceClose;
    streamClass->eos = deviceEos;
    streamClass->reset = deviceReset;
    streamClass->seek = deviceSeek;
    streamClass->tell = deviceTell;
    streamClass->length = deviceLength;
    streamClass->substream = deviceSubstream;
}

void device_stream_init(DeviceStream *self)
{
    self->device = nullptr;
    self->failed = FALSE;
}

} // namespace

Ref<GMimeStream> newDeviceStream(QIODevice *device)
{
    ensureInitialized();
    auto *self = static_cast<DeviceStream *>(g_object_new(device_stream_get_type(), nullptr));
    self->device = device;
    g_mime_stream_construct(&self->parent, 0, -1);
    return Ref<GMimeStream>(&self->parent);
}

bool deviceStreamFailed(GMimeStream *stream)
{
    return asDeviceStream(stream)->failed;
}

} // namespace socketeer::gmime
