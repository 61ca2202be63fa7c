#pragma once
// For the tests of local times: this process's time zone set by name for a scope, as TZ does for a
// program a user starts, and put back after. The C library reads TZ at tzset(), and Qt 6.4 calls
// tzset() before each local-time conversion, so the zone is in force at once for QDateTime.

#include <QByteArray>
#include <QtGlobal>

#include <ctime>

namespace testsupport {

class LocalZone {
public:
    explicit LocalZone(const QByteArray &tz) : m_had(qEnvironmentVariableIsSet("TZ")), m_old(qgetenv("TZ"))
    {
        qputenv("TZ", tz);
        ::tzset();
    }
    ~LocalZone()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        ::tzset();
    }
    LocalZone(const LocalZone &) = delete;
    LocalZone &operator=(const LocalZone &) = delete;

private:
    bool m_had;
    QByteArray m_old;
};

} // namespace testsupport
