#pragma once
// Who may log in to the local inbox (SMTP AUTH, RFC 4954), decided once when the receiver starts:
// nobody (AUTH not offered), anybody (a developer's test inbox: whatever a mail client sends is
// taken, and the user name recorded), or the users of a file of "user:password" lines. The
// passwords are kept as Secrets and compared in constant time; a malformed file is an error naming
// the file and the line, never quoting it (the line holds a password).

#include "net/error.h"
#include "text/secret.h"

#include <QList>
#include <QString>

#include <memory>

namespace socketeer {

enum class SmtpAuthMode { Off, Any, File };

class SmtpCredentials {
public:
    struct Entry {
        QString user;
        Secret password;
    };

    // Blank lines and lines starting with '#' are skipped; a password may contain ':' (the first
    // one ends the user name). At most 1 MiB, a regular file, UTF-8.
    static Result<SmtpCredentials> load(const QString &path);
    static SmtpCredentials fromEntries(QList<Entry> entries);

    // Every entry is compared whatever matched, each in constant time (SHA-256 of both sides,
    // then every byte): the time taken says nothing about which user or how much was right.
    bool verify(const QString &user, const QString &password) const;
    qsizetype size() const { return m_entries.size(); }

private:
    QList<Entry> m_entries;
};

// What the session needs to decide a login: the mode and, for File, the users.
struct SmtpAuthPolicy {
    SmtpAuthMode mode = SmtpAuthMode::Off;
    std::shared_ptr<const SmtpCredentials> credentials;   // File: whom to let in

    bool enabled() const { return mode != SmtpAuthMode::Off; }
    // Any takes every non-empty user; File checks the list; Off takes nobody.
    bool accepts(const QString &user, const QString &password) const;
};

// Whether a peer ("127.0.0.1:53314", "[::1]:53314", "[::ffff:127.0.0.1]:53314", as the TCP
// server names it) is on this machine: AUTH may then be offered without TLS.
bool isLoopbackPeer(const QString &peer);

// A user name as it may be shown and stored: control characters (CR, LF, …) become U+FFFD, and
// at most 256 characters are kept.
QString sanitizedUserName(const QString &user);

} // namespace socketeer
