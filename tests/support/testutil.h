#pragma once
// Small things most tests need.

#include <QByteArray>

namespace testsupport {

// Bytes that are not valid UTF-8 in any position, for "correct to the byte" checks.
inline QByteArray nonUtf8Bytes()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(static_cast<char>(i));
    bytes.append("\xff\xfe\xc3\x28\xa0\xa1", 6);
    return bytes;
}

// "你好，世界" in UTF-8 and in GBK, for encoding tests.
inline QByteArray chineseUtf8() { return QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x8c\xe4\xb8\x96\xe7\x95\x8c"); }

} // namespace testsupport
