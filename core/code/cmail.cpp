// Mail in C: what smtplib and EmailMessage do for the Python program, written out — the SMTP
// dialogue with its multi-line replies, STARTTLS (or TLS) with the certificate verified by
// OpenSSL, AUTH PLAIN with the password from the environment, and a MIME message: RFC 2047
// encoded words for Chinese names and subjects, base64 parts, RFC 2231 attachment names, Date and
// Message-ID. The addresses were checked when the program was made.

#include "generators.h"
#include "literals.h"
#include "programtext.h"

#include "mail/mailaddress.h"

namespace socketeer::code {

namespace {

QString addressList(const QList<MailAddress> &addresses)
{
    QString text = QStringLiteral("{");
    for (const MailAddress &address : addresses)
        text += QStringLiteral("{%1, %2}, ").arg(cString(address.name), cString(address.address));
    return text + QStringLiteral("{NULL, NULL}}");
}

} // namespace

Result<void> cMailAddresses(const CodeSettings &s, ProgramText &p)
{
    const CodeMailSettings &m = s.mail;
    auto from = parseMailAddress(m.from);
    if (!from)
        return from.error();
    p.set(QStringLiteral("SENDER_C"), QStringLiteral("{%1, %2}").arg(cString(from->name), cString(from->address)));
    for (const auto &[list, name] : {std::pair{&m.to, "TO_C"}, std::pair{&m.cc, "CC_C"}, std::pair{&m.bcc, "BCC_C"}}) {
        QList<MailAddress> parsed;
        for (const QString &text : *list) {
            auto address = parseMailAddress(text);
            if (!address)
                return address.error();
            parsed.append(*address);
        }
        p.set(QString::fromLatin1(name), addressList(parsed));
    }
    QString attachments = QStringLiteral("{");
    for (const QString &path : m.attachments)
        attachments += cString(path) + QStringLiteral(", ");
    p.set(QStringLiteral("ATTACHMENTS_C"), attachments + QStringLiteral("NULL}"));
    p.set(QStringLiteral("SECURITY_C"), m.security == CodeMailSecurity::None     ? QStringLiteral("PLAIN_TEXT")
                                        : m.security == CodeMailSecurity::StartTls ? QStringLiteral("STARTTLS")
                                                                                   : QStringLiteral("TLS"));
    return {};
}

void cMail(const CodeSettings &s, ProgramText &p)
{
    const bool hasBody = s.mail.hasBody;
    p.add(hasBody ? u"/* @TITLE@\n * Build: gcc -Wall -Wextra -O2 -o @STEM@ @FILE@ -lssl -lcrypto */\n"
                  : u"/* @TITLE@\n * Build: gcc -Wall -Wextra -O2 -o @STEM@ @FILE@ -lssl -lcrypto\n"
                    u" * The body is read from stdin as UTF-8 text: ./@STEM@ < body.txt */\n");
    p.add(uR"(#define _GNU_SOURCE    /* NI_MAXHOST */
#include <errno.h>
#include <netdb.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

static const char HOST[] = @HOST@;    /* the SMTP server */
static const char PORT[] = @PORT@;
enum { PLAIN_TEXT, STARTTLS, TLS };
static const int SECURITY = @SECURITY_C@;    /* STARTTLS: plain, then TLS before anything else; TLS: from the first byte */
static const char CAFILE[] = @CAFILE@;    /* also trust these CAs (PEM); "": the system's only */
static const char USER[] = @USER@;    /* "": no login */
static const char PASSWORD_ENV[] = @PASSWORD_ENV@;    /* the password (or authorization code) is read from this variable */

struct address {
    const char *name;       /* the display name, UTF-8; "" for none */
    const char *address;    /* user@domain */
};
static const struct address SENDER = @SENDER_C@;
static const struct address TO[] = @TO_C@;
static const struct address CC[] = @CC_C@;
static const struct address BCC[] = @BCC_C@;    /* sent to, but named in no header */
static const char SUBJECT[] = @SUBJECT@;
static const char *const ATTACHMENTS[] = @ATTACHMENTS_C@;    /* files, read when the mail is sent */
)");
    if (hasBody)
        p.add(u"static const char BODY[] = @BODY@;\n");
    p.add(uR"(
enum { LINE_SIZE = 1024, REPLY_SIZE = 8192 };

static int fd = -1;
static SSL *ssl;                   /* set once TLS is on: everything goes through it then */
static char in[LINE_SIZE];         /* what came from the server and was not read yet */
static size_t in_used;
static char reply[REPLY_SIZE];     /* the server's last reply, all its lines */
static char message_id[NI_MAXHOST + 64];

/* Sends every byte, over TLS once it is on. */
static int send_bytes(const char *data, size_t size)
{
    while (size > 0) {
        int piece = size > 65536 ? 65536 : (int)size;
        int n = ssl != NULL ? SSL_write(ssl, data, piece) : (int)send(fd, data, (size_t)piece, MSG_NOSIGNAL);    $$send
        if (n < 0 && ssl == NULL && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        data += n;
        size -= (size_t)n;
    }
    return 0;
}

/* One line from the server, without its CR LF. -1: closed, failed, or too long. */
static int read_line(char *line, size_t size)
{
    for (;;) {
        char *end = memchr(in, '\n', in_used);
        if (end != NULL) {
            size_t length = (size_t)(end - in);
            size_t text = length > 0 && in[length - 1] == '\r' ? length - 1 : length;
            if (text >= size)
                return -1;
            memcpy(line, in, text);
            line[text] = '\0';
            memmove(in, end + 1, in_used - length - 1);
            in_used -= length + 1;
            return 0;
        }
        if (in_used == sizeof in)
            return -1;
        int n = ssl != NULL ? SSL_read(ssl, in + in_used, (int)(sizeof in - in_used)) : (int)recv(fd, in + in_used, sizeof in - in_used, 0);    $$recv
        if (n < 0 && ssl == NULL && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        in_used += (size_t)n;
    }
}

/* A whole reply: "250-…" lines go on, "250 …" ends it. Its code, or -1. */
static int read_reply(void)
{
    char line[LINE_SIZE];
    size_t used = 0;
    reply[0] = '\0';
    for (;;) {
        if (read_line(line, sizeof line) < 0 || strlen(line) < 3) {
            fprintf(stderr, "the server closed the connection or sent something that is not SMTP\n");
            return -1;
        }
        used += (size_t)snprintf(reply + used, used < sizeof reply ? sizeof reply - used : 0, "%s\n", line);
        if (used >= sizeof reply)
            used = sizeof reply - 1;
        if (line[3] != '-')
            return atoi(line);
    }
}

/* Sends one command (with its CR LF) and reads the reply: 0 when its code is `expected`. */
static int command(int expected, const char *format, ...)
{
    char line[LINE_SIZE];
    va_list args;
    va_start(args, format);
    int length = vsnprintf(line, sizeof line - 2, format, args);
    va_end(args);
    if (length < 0 || (size_t)length >= sizeof line - 2)
        return -1;
    memcpy(line + length, "\r\n", 2);
    if (send_bytes(line, (size_t)length + 2) < 0)
        return -1;
    int code = read_reply();
    if (code != expected) {
        fprintf(stderr, "%.*s: the server said %s", length, line, reply);
        return -1;
    }
    return 0;
}

/* getaddrinfo, then socket and connect to each address it gives until one answers. */
static int connect_to(void)
{
    struct addrinfo hints, *found, *ai;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int rc = getaddrinfo(HOST, PORT, &hints, &found);    $$getaddrinfo
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", HOST, gai_strerror(rc));
        return -1;
    }
    int s = -1;
    for (ai = found; ai != NULL && s < 0; ai = ai->ai_next) {
        s = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);    $$socket
        if (s >= 0 && connect(s, ai->ai_addr, ai->ai_addrlen) < 0) {    $$connect
            close(s);
            s = -1;
        }
    }
    freeaddrinfo(found);
    if (s < 0)
        fprintf(stderr, "cannot connect to %s %s\n", HOST, PORT);
    return s;
}

/* TLS over the connection: the certificate must chain to a trusted CA and be for HOST. */
static int start_tls(void)
{
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    if (context == NULL)
        return -1;
    SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
    SSL_CTX_set_verify(context, SSL_VERIFY_PEER, NULL);
    if (SSL_CTX_set_default_verify_paths(context) != 1 || (CAFILE[0] != '\0' && SSL_CTX_load_verify_locations(context, CAFILE, NULL) != 1)) {
        fprintf(stderr, "cannot read the CA certificates %s\n", CAFILE);
        SSL_CTX_free(context);
        return -1;
    }
    ssl = SSL_new(context);
    SSL_CTX_free(context);    /* the session keeps its own reference */
    if (ssl == NULL)
        return -1;
    if (X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), HOST) != 1) {    /* a name, not an address */
        SSL_set_tlsext_host_name(ssl, HOST);
        SSL_set1_host(ssl, HOST);
    }
    if (SSL_set_fd(ssl, fd) != 1 || SSL_connect(ssl) != 1) {    $$SSL_do_handshake
        long verified = SSL_get_verify_result(ssl);
        if (verified != X509_V_OK)
            fprintf(stderr, "the server's certificate is not trusted: %s\n", X509_verify_cert_error_string(verified));
        else
            ERR_print_errors_fp(stderr);
        return -1;
    }
    return 0;
}

/* base64 of the bytes, without line breaks: a string to free(). */
static char *base64(const unsigned char *data, size_t size)
{
    char *out = malloc(4 * ((size + 2) / 3) + 1);
    if (out != NULL)
        EVP_EncodeBlock((unsigned char *)out, data, (int)size);
    return out;
}

static int is_ascii(const char *text)
{
    for (; *text != '\0'; text++)
        if ((unsigned char)*text >= 0x80 || (unsigned char)*text < 0x20)
            return 0;
    return 1;
}

/* A header's text: as it is if it is plain ASCII, else RFC 2047 encoded words ("=?UTF-8?B?…?="),
 * each at most 75 characters, never cutting a UTF-8 character in two. Writes into out. */
static void header_text(const char *text, char *out, size_t size)
{
    if (is_ascii(text)) {
        snprintf(out, size, "%s", text);
        return;
    }
    size_t used = 0, length = strlen(text);
    out[0] = '\0';
    for (size_t at = 0; at < length;) {
        size_t piece = length - at > 45 ? 45 : length - at;
        while (at + piece < length && ((unsigned char)text[at + piece] & 0xC0) == 0x80)
            piece--;    /* back to the start of a character */
        char *word = base64((const unsigned char *)text + at, piece);
        if (word == NULL)
            return;
        used += (size_t)snprintf(out + used, used < size ? size - used : 0, "%s=?UTF-8?B?%s?=", at > 0 ? "\r\n " : "", word);
        free(word);
        at += piece;
    }
}

/* "Name <user@domain>", the name quoted or encoded as it needs. */
static void mailbox(const struct address *a, char *out, size_t size)
{
    char name[LINE_SIZE];
    if (a->name[0] == '\0') {
        snprintf(out, size, "%s", a->address);
    } else if (is_ascii(a->name)) {
        size_t used = 0;    /* a quoted string: " and \ escaped */
        for (const char *c = a->name; *c != '\0' && used + 2 < sizeof name; c++) {
            if (*c == '"' || *c == '\\')
                name[used++] = '\\';
            name[used++] = *c;
        }
        name[used] = '\0';
        snprintf(out, size, "\"%s\" <%s>", name, a->address);
    } else {
        header_text(a->name, name, sizeof name);
        snprintf(out, size, "%s <%s>", name, a->address);
    }
}

/* "To: a, b" (nothing for an empty list). */
static int address_header(const char *field, const struct address *list)
{
    if (list[0].address == NULL)
        return 0;
    char line[LINE_SIZE * 4];
    size_t used = (size_t)snprintf(line, sizeof line, "%s: ", field);
    for (int i = 0; list[i].address != NULL && used < sizeof line; i++) {
        char one[LINE_SIZE * 2];
        mailbox(&list[i], one, sizeof one);
        used += (size_t)snprintf(line + used, sizeof line - used, "%s%s", i > 0 ? ",\r\n " : "", one);
    }
    if (used >= sizeof line - 2)
        return -1;
    return send_bytes(line, used) < 0 || send_bytes("\r\n", 2) < 0 ? -1 : 0;
}

/* Bytes as base64 in lines of 76 characters, as MIME wants. No line of base64 begins with a dot,
 * so none needs the DATA dot-stuffing. */
static int send_base64(const unsigned char *data, size_t size)
{
    for (size_t at = 0; at < size; at += 57) {
        char *line = base64(data + at, size - at > 57 ? 57 : size - at);
        int rc = line == NULL ? -1 : send_bytes(line, strlen(line));
        free(line);
        if (rc < 0 || send_bytes("\r\n", 2) < 0)
            return -1;
    }
    return 0;
}

/* A whole file, or stdin when path is NULL, into memory: a buffer to free(). */
static unsigned char *read_all(const char *path, size_t *size)
{
    FILE *f = path != NULL ? fopen(path, "rb") : stdin;
    if (f == NULL) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return NULL;
    }
    size_t capacity = 65536, used = 0, n;
    unsigned char *data = malloc(capacity);
    while (data != NULL && (n = fread(data + used, 1, capacity - used, f)) > 0) {
        used += n;
        if (used == capacity) {
            unsigned char *bigger = realloc(data, capacity *= 2);
            if (bigger == NULL)
                free(data);
            data = bigger;
        }
    }
    if (path != NULL)
        fclose(f);
    *size = used;
    return data;
}

/* The file's name without its folders; a name that is not plain ASCII as RFC 2231
 * (filename*=UTF-8''%E6%B1%87…), which every mail program reads. */
static void attachment_name(const char *path, char *out, size_t size)
{
    const char *name = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
    int plain = is_ascii(name) && strpbrk(name, "\"\\;") == NULL;
    if (plain) {
        snprintf(out, size, "filename=\"%s\"", name);
        return;
    }
    size_t used = (size_t)snprintf(out, size, "filename*=UTF-8''");
    for (const unsigned char *c = (const unsigned char *)name; *c != '\0' && used + 4 < size; c++) {
        if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || strchr("!#$&+-.^_`|~", *c) != NULL)
            out[used++] = (char)*c;
        else
            used += (size_t)snprintf(out + used, size - used, "%%%02X", *c);
    }
    out[used] = '\0';
}

static void random_hex(char *out, int bytes)
{
    unsigned char random[32];
    RAND_bytes(random, bytes);
    for (int i = 0; i < bytes; i++)
        sprintf(out + 2 * i, "%02x", random[i]);
}

/* The message after DATA: headers, the body, each attachment, then the lone dot. */
static int send_message(const unsigned char *body, size_t body_size)
{
    char line[LINE_SIZE * 4], text[LINE_SIZE * 2], boundary[40], id[40], date[64];
    const char *domain = strchr(SENDER.address, '@') != NULL ? strchr(SENDER.address, '@') + 1 : "localhost";
    time_t now = time(NULL);
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S %z", localtime(&now));
    random_hex(id, 16);
    snprintf(message_id, sizeof message_id, "<%s@%.*s>", id, NI_MAXHOST, domain);
    memcpy(boundary, "=_", 2);
    random_hex(boundary + 2, 16);
    mailbox(&SENDER, text, sizeof text);
    snprintf(line, sizeof line, "From: %s\r\n", text);
    if (send_bytes(line, strlen(line)) < 0 || address_header("To", TO) < 0 || address_header("Cc", CC) < 0)
        return -1;
    header_text(SUBJECT, text, sizeof text);
    snprintf(line, sizeof line, "Subject: %s\r\nDate: %s\r\nMessage-ID: %s\r\nMIME-Version: 1.0\r\n"
             "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n"
             "--%s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n",
             text, date, message_id, boundary, boundary);
    if (send_bytes(line, strlen(line)) < 0 || send_base64(body, body_size) < 0)
        return -1;
    for (int i = 0; ATTACHMENTS[i] != NULL; i++) {
        size_t size = 0;
        unsigned char *data = read_all(ATTACHMENTS[i], &size);
        if (data == NULL)
            return -1;
        attachment_name(ATTACHMENTS[i], text, sizeof text);
        snprintf(line, sizeof line, "--%s\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
                 "Content-Disposition: attachment; %s\r\n\r\n", boundary, text);
        int rc = send_bytes(line, strlen(line)) < 0 || send_base64(data, size) < 0 ? -1 : 0;
        free(data);
        if (rc < 0)
            return -1;
    }
    snprintf(line, sizeof line, "--%s--\r\n.\r\n", boundary);    /* the last boundary, then the lone dot that ends DATA */
    return send_bytes(line, strlen(line));
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGPIPE, SIG_IGN);    /* a server that left is an error to report, not a silent end */
)");
    p.add(hasBody ? u"    size_t body_size = strlen(BODY);\n    unsigned char *body = (unsigned char *)strdup(BODY);\n"
                  : u"    size_t body_size = 0;\n    unsigned char *body = read_all(NULL, &body_size);\n");
    p.add(uR"(    const char *password = getenv(PASSWORD_ENV);
    if (body == NULL)
        return 1;
    if (USER[0] != '\0' && password == NULL) {
        fprintf(stderr, "set %s to the password first\n", PASSWORD_ENV);
        return 1;
    }
    fd = connect_to();
    if (fd < 0 || (SECURITY == TLS && start_tls() < 0) || read_reply() != 220)
        return 1;
    char me[NI_MAXHOST] = "localhost";
    gethostname(me, sizeof me - 1);
    if (command(250, "EHLO %s", me) < 0)
        return 1;
    if (SECURITY == STARTTLS) {
        /* Never on without it: a server that does not offer STARTTLS gets no password and no mail. */
        if (command(220, "STARTTLS") < 0 || start_tls() < 0 || command(250, "EHLO %s", me) < 0)    /* from here on the dialogue is encrypted */
            return 1;
    }
    if (USER[0] != '\0') {
        size_t user_size = strlen(USER), password_size = strlen(password);
        unsigned char *plain = malloc(user_size + password_size + 2);    /* "\0user\0password" */
        if (plain == NULL)
            return 1;
        plain[0] = '\0';
        memcpy(plain + 1, USER, user_size);
        plain[user_size + 1] = '\0';
        memcpy(plain + user_size + 2, password, password_size);
        char *token = base64(plain, user_size + password_size + 2);
        free(plain);
        int rc = token == NULL ? -1 : command(235, "AUTH PLAIN %s", token);
        free(token);
        if (rc < 0)
            return 1;
    }
    if (command(250, "MAIL FROM:<%s>", SENDER.address) < 0)
        return 1;
    const struct address *lists[] = {TO, CC, BCC};
    for (int l = 0; l < 3; l++)
        for (int i = 0; lists[l][i].address != NULL; i++)
            if (command(250, "RCPT TO:<%s>", lists[l][i].address) < 0)
                return 1;
    if (command(354, "DATA") < 0 || send_message(body, body_size) < 0 || read_reply() != 250) {
        fprintf(stderr, "the message was not accepted: %s", reply);
        return 1;
    }
    command(221, "QUIT");
    if (ssl != NULL)
        SSL_free(ssl);
    close(fd);    $$close
    free(body);
    printf("Sent %s\n", message_id);
    return 0;
}
)");
}

} // namespace socketeer::code
