#include "opensslerror.h"

#include <openssl/err.h>

namespace socketeer::tlsdetail {

QString takeErrors()
{
    QString text;
    while (const unsigned long code = ERR_get_error()) {
        // The reason alone ("wrong version number") reads better than the packed
        // "error:0A00010B:SSL routines::wrong version number"; the code stays for searching.
        const char *reason = ERR_reason_error_string(code);
        QString part = reason ? QString::fromLatin1(reason) : QStringLiteral("error %1").arg(code, 8, 16, QLatin1Char('0'));
        if (!text.contains(part)) {
            if (!text.isEmpty())
                text += QStringLiteral("; ");
            text += part;
        }
    }
    return text;
}

} // namespace socketeer::tlsdetail
