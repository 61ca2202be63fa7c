#pragma once
// The error model of the whole core: a domain (what we were doing), the system's code (why it
// failed) and a detail naming the input that was wrong. Nothing below Qt's boundary throws.

#include <QMetaType>
#include <QString>

#include <system_error>
#include <utility>
#include <variant>

namespace socketeer {

enum class ErrorKind {
    InvalidArgument, // the caller's input was wrong: a port of 70000, an empty host, bad hex
    Resolve,         // the host name could not be turned into an address
    Socket,          // socket() itself, or a socket option
    Bind,
    Listen,
    Accept,
    Connect,         // refused, unreachable, …: the code tells which
    Timeout,
    Send,
    Receive,
    PeerClosed,
    Limit,           // a cap we enforce: max clients, queue size, datagram size
    Protocol,
    Tls,
};

struct Error {
    ErrorKind kind = ErrorKind::InvalidArgument;
    std::error_code code;   // errno (system_category) or a resolver code (resolverCategory())
    QString detail;         // what was being done and with what: "bind 127.0.0.1:80"
    // The detail is a whole sentence for people already (the SMTP client's "the server refused
    // the recipient x: 550 no such user"): message() shows it alone.
    bool whole = false;

    // A sentence for people, translated: "Could not bind 127.0.0.1:80: Permission denied".
    QString message() const;
    static QString kindName(ErrorKind kind);

    static Error fromErrno(ErrorKind kind, int err, QString detail);
    static Error invalid(QString detail) { return {ErrorKind::InvalidArgument, {}, std::move(detail)}; }
};

// getaddrinfo's EAI_* codes, so they travel in an std::error_code like errno does.
const std::error_category &resolverCategory();

// What the system's error codes say, in the language the application has installed. The rule, the
// same in every language and every part of the program: the C library's strerror() is never shown
// as it is, because its language follows the glibc locale (often not generated, and unaware of
// --language), which would put an English clause into a Chinese sentence or the other way round.
// A code that networking and files meet is our own text (glibc's English words, translated like
// every other string); any other code is glibc's English text followed by its symbolic name, in
// every language: "Exec format error (ENOEXEC)".
QString errnoText(int err);
// The same for getaddrinfo's EAI_* codes (gai_strerror).
QString resolverText(int code);
// errnoText() or resolverText() by the code's category; empty for no error.
QString errorCodeText(const std::error_code &code);

// A value or an Error: the shape of std::expected (C++23), which we cannot use yet.
template <typename T>
class Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template <>
class Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace socketeer

Q_DECLARE_METATYPE(socketeer::Error)
