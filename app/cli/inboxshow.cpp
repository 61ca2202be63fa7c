// socketeer inbox show and save: one stored message read with the Inbox panel's parser.

#include "inboxquery.h"

#include "cli.h"

#include "mail/attachmentname.h"
#include "mail/mailparser.h"
#include "text/terminaltext.h"
#include "text/timetext.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace socketeer::cli {

namespace {

QJsonObject showJson(const StoredMessage &message, const ParsedMail &mail)
{
    const SmtpEnvelope &e = message.envelope;
    QJsonArray headers;
    for (const auto &[name, value] : mail.headers)
        headers.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    QJsonArray tree;
    for (const MimeNode &node : mail.tree) {
        QJsonObject object{{QStringLiteral("depth"), node.depth},
                           {QStringLiteral("contentType"), node.contentType},
                           {QStringLiteral("charset"), node.charset},
                           {QStringLiteral("transferEncoding"), node.transferEncoding},
                           {QStringLiteral("disposition"), node.disposition},
                           {QStringLiteral("fileName"), node.fileName},
                           {QStringLiteral("size"), node.decodedSize}};
        if (node.partIndex >= 0)
            object.insert(QStringLiteral("part"), node.partIndex + 1);
        tree.append(object);
    }
    QJsonArray parts;
    for (qsizetype i = 0; i < mail.parts.size(); ++i) {
        const MailPart &part = mail.parts.at(i);
        parts.append(QJsonObject{{QStringLiteral("part"), int(i + 1)},
                                 {QStringLiteral("contentType"), part.contentType},
                                 {QStringLiteral("charset"), part.charset},
                                 {QStringLiteral("disposition"), part.disposition},
                                 {QStringLiteral("fileName"), part.fileName},
                                 {QStringLiteral("saveAs"), safeAttachmentFileName(part.fileName, part.contentType)},
                                 {QStringLiteral("size"), part.decodedSize},
                                 {QStringLiteral("attachment"), part.isAttachment}});
    }
    return QJsonObject{
        {QStringLiteral("id"), message.id},
        {QStringLiteral("path"), message.path},
        {QStringLiteral("size"), message.size},
        {QStringLiteral("receivedAt"), e.receivedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("envelope"), QJsonObject{{QStringLiteral("helo"), e.heloName},
                                                 {QStringLiteral("mailFrom"), e.mailFrom},
                                                 {QStringLiteral("rcptTo"), QJsonArray::fromStringList(e.recipients)},
                                                 {QStringLiteral("peer"), e.peer},
                                                 {QStringLiteral("smtputf8"), e.smtpUtf8},
                                                 {QStringLiteral("body"), e.body},
                                                 {QStringLiteral("transcript"), QJsonArray::fromStringList(e.transcript)}}},
        {QStringLiteral("tls"), QJsonObject{{QStringLiteral("active"), e.tls},
                                            {QStringLiteral("version"), e.tlsVersion},
                                            {QStringLiteral("cipher"), e.tlsCipher}}},
        {QStringLiteral("authUser"), e.authUser},
        {QStringLiteral("parsed"), mail.ok},
        {QStringLiteral("problem"), mail.problem},
        {QStringLiteral("from"), mail.from},
        {QStringLiteral("to"), mail.to},
        {QStringLiteral("cc"), mail.cc},
        {QStringLiteral("replyTo"), mail.replyTo},
        {QStringLiteral("subject"), mail.subject},
        {QStringLiteral("messageId"), mail.messageId},
        {QStringLiteral("date"), mail.date.isValid() ? QJsonValue(mail.date.toUTC().toString(Qt::ISODate)) : QJsonValue()},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("tree"), tree},
        {QStringLiteral("parts"), parts},
        {QStringLiteral("attachments"), mail.attachmentCount()},
        {QStringLiteral("text"), mail.textBody},
        {QStringLiteral("html"), mail.htmlBody},
    };
}

// The Date: field in local time with its offset; and when the sender's clock was in another
// zone, the time as the sender wrote it.
QString dateText(const QDateTime &date)
{
    const QString local = localTimestampText(date, TimePrecision::Seconds);
    if (date.offsetFromUtc() == date.toLocalTime().offsetFromUtc())
        return local;
    return Cli::tr("%1 (the sender wrote %2)")
        .arg(local, QLocale::c().toString(date, QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + utcOffsetText(date.offsetFromUtc()));
}

QString showText(const StoredMessage &message, const ParsedMail &mail)
{
    const SmtpEnvelope &e = message.envelope;
    QStringList lines;
    const auto add = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines << label + QStringLiteral(": ") + terminalSafe(value);
    };
    add(QStringLiteral("Id"), message.id);
    add(Cli::tr("Received"), localTimestampText(e.receivedAt, TimePrecision::Seconds) + QStringLiteral(" (")
                                 + QLocale::c().toString(message.size) + Cli::tr(" bytes, from %1)").arg(e.peer));
    add(QStringLiteral("MAIL FROM"), QLatin1Char('<') + e.mailFrom + QLatin1Char('>'));
    add(QStringLiteral("RCPT TO"), QLatin1Char('<') + e.recipients.join(QStringLiteral(">, <")) + QLatin1Char('>'));
    add(QStringLiteral("TLS"), e.tls ? e.tlsVersion + QLatin1Char(' ') + e.tlsCipher : Cli::tr("no"));
    add(QStringLiteral("AUTH"), e.authUser.isEmpty() ? Cli::tr("nobody logged in") : e.authUser);
    lines << QString();
    add(QStringLiteral("From"), mail.from);
    add(QStringLiteral("To"), mail.to);
    add(QStringLiteral("Cc"), mail.cc);
    add(QStringLiteral("Reply-To"), mail.replyTo);
    add(QStringLiteral("Subject"), mail.subject);
    if (mail.date.isValid())
        add(QStringLiteral("Date"), dateText(mail.date));
    add(QStringLiteral("Message-ID"), mail.messageId);
    if (!mail.ok)
        add(Cli::tr("Unreadable"), mail.problem);
    lines << QString() << Cli::tr("MIME parts (socketeer inbox save ID PART saves one):");
    for (const MimeNode &node : mail.tree) {
        QString line = QString(2 + 2 * node.depth, QLatin1Char(' '));
        line += node.partIndex >= 0 ? QString::number(node.partIndex + 1).leftJustified(4) : QStringLiteral("    ");
        line += node.contentType;
        if (!node.charset.isEmpty())
            line += QStringLiteral("; charset=") + node.charset;
        if (!node.fileName.isEmpty())
            line += QStringLiteral("  \"") + node.fileName + QLatin1Char('"');
        if (node.decodedSize >= 0)
            line += QStringLiteral("  ") + Cli::tr("%1 bytes").arg(QLocale::c().toString(node.decodedSize));
        if (!node.disposition.isEmpty())
            line += QStringLiteral("  ") + node.disposition;
        lines << terminalSafe(line);
    }
    lines << QString();
    lines << terminalSafe(mail.textBody, LineBreaks::Keep);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

// A name in `folder` that nothing has: NAME, else "NAME (2).EXT", "NAME (3).EXT"…, created empty
// (O_EXCL: never over a file, or a symlink, that appeared meanwhile) so that it stays ours.
QString reserveName(const QString &folder, const QString &name)
{
    const QFileInfo info(name);
    const QString base = info.completeBaseName().isEmpty() ? name : info.completeBaseName();
    const QString suffix = info.completeBaseName().isEmpty() || info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    // completeBaseName() keeps "archive.tar" of "archive.tar.gz"; the number goes before the last suffix.
    for (int n = 1; n < 1000; ++n) {
        const QString candidate = n == 1 ? name : QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(suffix);
        QFile file(folder + QLatin1Char('/') + candidate);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            return file.fileName();
        }
        if (!QFileInfo(file.fileName()).isSymLink() && !QFileInfo::exists(file.fileName()))
            return {};   // not taken, yet not creatable: the folder refuses
    }
    return {};
}

} // namespace

int runInboxShow(const QStringList &arguments)
{
    const QString command = QStringLiteral("inbox show");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Shows a stored message: its envelope (MAIL FROM, RCPT TO, TLS, AUTH), decoded headers, MIME parts with "
                "their numbers, and the text. With --json, one object (field names in the README)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Cli::tr("Print one JSON object."));
    parser.addOptions({inboxDirOption(), jsonOption});
    parser.addPositionalArgument(QStringLiteral("ID"), Cli::tr("The id socketeer inbox printed when it stored the message."));
    if (const int done = parseCommandLine(parser, command, arguments); done >= 0)
        return done;
    if (parser.positionalArguments().size() != 1) {
        printError(command, Cli::tr("give one message ID (see socketeer inbox show --help)"));
        return ExitUsage;
    }
    const MailStore store(inboxDirectory(parser));
    StoredMessage message;
    if (const int done = inboxFindMessage(command, store, parser.positionalArguments().first(), &message); done >= 0)
        return done;
    const ParsedMail mail = parseMailFile(message.path);
    const QByteArray out = parser.isSet(jsonOption) ? QJsonDocument(showJson(message, mail)).toJson(QJsonDocument::Indented)
                                                    : showText(message, mail).toUtf8();
    return writeStdout(out) ? ExitSuccess : ExitFailure;
}

int runInboxSave(const QStringList &arguments)
{
    const QString command = QStringLiteral("inbox save");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Cli::tr("Saves part PART of a stored message (its number in socketeer inbox show), decoded, or with --all every "
                "attachment, into --to (default: the current folder), and prints each file's path. The file is named after "
                "the attachment, made safe: only its last path component, no control or bidirectional characters, no leading "
                "dot. An existing file is never replaced: \"report.pdf\" becomes \"report (2).pdf\", and so on."));
    const QCommandLineOption allOption(QStringLiteral("all"), Cli::tr("Save every attachment."));
    const QCommandLineOption toOption(QStringLiteral("to"), Cli::tr("Folder to save into (made if missing)."), Cli::tr("folder"));
    parser.addOptions({inboxDirOption(), allOption, toOption});
    parser.addPositionalArgument(QStringLiteral("ID"), Cli::tr("The message."));
    parser.addPositionalArgument(QStringLiteral("PART"), Cli::tr("The part's number, unless --all."));
    if (const int done = parseCommandLine(parser, command, arguments); done >= 0)
        return done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != (parser.isSet(allOption) ? 1 : 2)) {
        printError(command, Cli::tr("give a message ID and a PART number, or an ID and --all (see socketeer inbox save --help)"));
        return ExitUsage;
    }
    const MailStore store(inboxDirectory(parser));
    StoredMessage message;
    if (const int done = inboxFindMessage(command, store, positional.first(), &message); done >= 0)
        return done;
    const ParsedMail mail = parseMailFile(message.path, PartSizes::Skipped);
    QList<int> indexes;
    if (parser.isSet(allOption)) {
        for (qsizetype i = 0; i < mail.parts.size(); ++i)
            if (mail.parts.at(i).isAttachment)
                indexes << int(i);
    } else {
        bool numeric = false;
        const int part = positional.at(1).toInt(&numeric);
        if (!numeric || part < 1 || part > mail.parts.size()) {
            printError(command, Cli::tr("%1 has no part \"%2\" (it has %3; see socketeer inbox show)")
                                    .arg(message.id, terminalSafe(positional.at(1)))
                                    .arg(mail.parts.size()));
            return ExitUsage;
        }
        indexes << part - 1;
    }
    const QString folder = QDir(parser.isSet(toOption) ? parser.value(toOption) : QDir::currentPath()).absolutePath();
    if (!QDir().mkpath(folder)) {
        printError(command, Cli::tr("cannot create the folder %1").arg(QDir::toNativeSeparators(folder)));
        return ExitFailure;
    }
    for (const int index : indexes) {
        const MailPart &part = mail.parts.at(index);
        const QString destination = reserveName(folder, safeAttachmentFileName(part.fileName, part.contentType));
        if (destination.isEmpty()) {
            printError(command, Cli::tr("cannot create a file in %1").arg(QDir::toNativeSeparators(folder)));
            return ExitFailure;
        }
        if (const QString problem = saveMailPart(message.path, index, destination); !problem.isEmpty()) {
            QFile::remove(destination);
            printError(command, problem);
            return ExitFailure;
        }
        if (!writeStdout((terminalSafe(QDir::toNativeSeparators(destination)) + QLatin1Char('\n')).toUtf8()))
            return ExitFailure;
    }
    return ExitSuccess;
}

} // namespace socketeer::cli
