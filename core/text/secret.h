#pragma once
// A password or token that cannot be formatted by accident: no conversion to QString, no arg(),
// and the only text form it has (shown(), QDebug) is "********". The bytes go out only through
// reveal(), which a reader of the code can search for: the few places that must send the secret.

#include <QDebug>
#include <QString>

namespace socketeer {

class Secret {
public:
    Secret() = default;
    // Implicit on purpose: taking a secret in is harmless; getting it out is what is guarded.
    Secret(QString value) : m_value(std::move(value)) {}   // NOLINT(google-explicit-constructor)

    bool isEmpty() const { return m_value.isEmpty(); }
    // The only spelling for people: the same stars whatever the length (the length is a hint too).
    static QString shown() { return QStringLiteral("********"); }
    // The secret itself: for the one line that sends it, never for text people read.
    const QString &reveal() const { return m_value; }

private:
    QString m_value;
};

inline QDebug operator<<(QDebug debug, const Secret &) { return debug << Secret::shown(); }

} // namespace socketeer
