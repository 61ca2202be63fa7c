#pragma once
// What a generated program is made from: plain values, one struct for every kind, so a panel, the
// command line and the tests fill the same thing (docs/CODE.md).

#include "tcp/tcpservertypes.h"
#include "text/encoding.h"
#include "text/framing.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace socketeer {

enum class CodeLanguage { Python, C };
enum class CodeKind { TcpServer, TcpClient, Udp, Mail, Inbox };
enum class CodeFamily { Ipv4, Ipv6 };
enum class CodeMailSecurity { None, StartTls, Tls };

struct CodeMailSettings {
    CodeMailSecurity security = CodeMailSecurity::StartTls;
    QString user;                                    // empty: no login
    QString passwordEnv = QStringLiteral("SMTP_PASSWORD");   // the program reads the password from here
    QString from;
    QStringList to;
    QStringList cc, bcc;                             // Bcc: in the envelope only, never in the headers
    QString subject;
    QStringList attachments;                         // paths, read when the program runs
    // The compose window's body, written into the program; without it the program reads the body
    // from stdin (the command line's way).
    bool hasBody = false;
    QString body;
};

// The inbox: an SMTP receiver that saves each message in a folder (TLS: STARTTLS, Python only,
// with CodeSettings' certificate and key).
struct CodeInboxSettings {
    QString folder = QStringLiteral("inbox");        // relative: beside where the program runs
    qint64 maxMessageBytes = 64 * 1024 * 1024;       // larger messages are refused with 552
    int idleTimeoutSeconds = 300;                    // a silent client is sent away with 421
};

struct CodeSettings {
    CodeLanguage language = CodeLanguage::Python;
    CodeKind kind = CodeKind::TcpServer;
    QString host = QStringLiteral("127.0.0.1");  // server and UDP: the address bound; client and mail: the server
    quint16 port = 0;                            // 0 for a server: any free port, printed once bound
    CodeFamily family = CodeFamily::Ipv4;
    ServerModel model = ServerModel::ThreadPerClient;
    bool echo = true;                            // server and UDP: send back what came
    bool chat = false;                           // TCP server: the chat room (docs/CHAT.md), not echo; TLS too
    bool nicknames = false;                      // the chat room: a client's first line is its nickname
    TextEncoding encoding = TextEncoding::Utf8;  // text on the wire
    FrameSpec frame;                             // TCP: none, line or crlf
    bool tls = false;
    QString tlsCertFile, tlsKeyFile;             // a TLS server's certificate chain and key (PEM)
    QString caFile;                              // a TLS client: also trust these CAs; empty: the system's only
    QString targetHost;                          // UDP: set, the program sends each typed line there
    quint16 targetPort = 0;
    CodeMailSettings mail;
    CodeInboxSettings inbox;
};

// A complete program, and where in it each socket call is made: the keys are the call names the
// core's trace records ("socket", "bind", "recv", …, core/net/trace.h), the values 1-based lines.
struct GeneratedCode {
    QString text;
    QString fileName;   // a name to save it under: "tcp_server.py"
    QMap<QString, QList<int>> callLines;
};

} // namespace socketeer
