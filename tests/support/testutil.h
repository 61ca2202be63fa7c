#pragma once
// Small things most tests need.

#include <QByteArray>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// The IPv6 tests need ::1 (Linux has it unless IPv6 was switched off): without it they fail and
// say why, rather than pass by skipping.
#define SOCKETEER_REQUIRE_IPV6_LOOPBACK() \
    QVERIFY2(testsupport::haveIPv6Loopback(), "this machine has no IPv6 loopback (::1): the IPv6 tests need it " \
                                              "(is IPv6 disabled, e.g. net.ipv6.conf.lo.disable_ipv6=1?)")

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

// ::1 can be bound.
inline bool haveIPv6Loopback()
{
    const int fd = ::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_in6 address{};
    address.sin6_family = AF_INET6;
    address.sin6_addr = in6addr_loopback;
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

} // namespace testsupport
