// English and Simplified Chinese: the translations are embedded and load, every message of the
// .ts files is translated and found at run time under the context the code looks it up in, the
// real window shows no English once Chinese is installed (so the .ts is not stale), and English
// plurals read "1 client", not "1 client(s)".

#include "clientpanel.h"
#include "composewindow.h"
#include "languages.h"
#include "mainwindow.h"
#include "serverpanel.h"
#include "settings.h"

#include "tcp/tcpclient.h"
#include "tcp/tcpserver.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkInterface>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>
#include <QTranslator>
#include <QXmlStreamReader>

#ifndef SOCKETEER_TRANSLATIONS_DIR
#error "SOCKETEER_TRANSLATIONS_DIR must name resources/translations in the source tree"
#endif

using namespace socketeer;
using namespace socketeer::ui;

namespace {

struct TsMessage {
    QString context;
    QString source;
    QString comment;        // disambiguation: part of the key
    bool numerus = false;
    bool unfinished = false;
    QStringList translations;   // one, or one per plural form
    qint64 line = 0;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                message = TsMessage{};
                message.context = context;
                message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                message.line = xml.lineNumber();
                inMessage = true;
            } else if (inMessage && name == QLatin1String("source")) {
                message.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                message.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                message.unfinished = !type.isEmpty();   // unfinished, vanished or obsolete
                if (!message.numerus)
                    message.translations << xml.readElementText();
            } else if (inMessage && name == QLatin1String("numerusform")) {
                message.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            messages << message;
            inMessage = false;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return messages;
}

QString tsPath(const QString &language)
{
    return QStringLiteral(SOCKETEER_TRANSLATIONS_DIR "/socketeer_%1.ts").arg(language);
}

// "%1" … "%99" and "%n" (with an optional L), sorted: a translation must keep every one.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0).remove(QLatin1Char('L'));
    found.sort();
    found.removeDuplicates();
    return found;
}

bool hasAccelerator(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("&[^&\\s]"));
    return pattern.match(QString(text).remove(QStringLiteral("&&"))).hasMatch();
}

// What a Chinese screen may still show in Latin letters: protocol and encoding names, socket
// calls, addresses and ports, keys, the program's and the languages' own names.
QString withoutTechnicalTokens(QString text, const QStringList &interfaceNames)
{
    static const QList<QRegularExpression> tokens = [] {
        QList<QRegularExpression> list;
        for (const char *pattern : {
                 // the relay's impairment language as written (latency=100:20 drop=5@up, sizes in K and M;
                 // docs/RELAY.md), first since its keys hold call names (half-close), and the links its
                 // profiles are named after
                 "\\b(latency|bandwidth|slice|reset-after|half-close|limit|stall|slow-close|drop|duplicate|corrupt|truncate|"
                 "reorder)=\\S*|@(up|down|both)\\b|\\bKEY=VALUE\\b|\\b[KM]\\b|\\b3G\\b|\\bWi-Fi\\b",
                 // addresses first: an IPv6 address or a prefix, IPv4 with an optional /len, a scope
                 "\\[?[0-9A-Fa-f]*::?[0-9A-Fa-f:.]*::[0-9A-Fa-f:.]*\\]?(/\\d+)?(%[\\w.-]+)?",
                 "(?<![\\w:])[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{0,4}){2,7}(%[\\w.-]+)?",
                 "\\d{1,3}(\\.\\d{1,3}){3}(/\\d+)?",
                 "\\b(TCP|UDP|IPv4|IPv6|UTF-8|GBK|GB18030|Latin-1|Socketeer|English|CRLF|LF|JSON)\\b",
                 "\\b(localhost|epoll|SO_BROADCAST|SHUT_WR|AF_UNIX)\\b",
                 "\\bUTC([+-]\\d\\d:\\d\\d(:\\d\\d)?)?",   // a time's zone as timetext.h writes it: UTC, UTC+08:00
                 // the code view's languages, the timeline's picture formats and errno
                 "\\b(Python|SVG|PNG|errno)\\b|^C$|\\bC(?= ?\\x{8BED}\\x{8A00})",
                 // a lab's messages as it quotes them ("hello"), socket calls named in its prose,
                 // and the documents it points to (docs/LABS.md)
                 "\"[^\"\\n]*\"|\\b(recv|sendall|send|close|accept|bind|listen|connect)\\b|\\b[\\w/]+\\.md\\b",
                 // mail: protocol words, addresses and host names, file patterns, brand names
                 "[\\w.+-]+@[\\w.-]+|\\b[\\w-]+(\\.[\\w-]+)*\\.(com|org|net)\\b|\\*\\.\\w+",
                 "\\b(SMTPS|SMTP|STARTTLS|SSL/TLS|SSL|TLS|XOAUTH2|OAuth|PLAIN|LOGIN|AUTH|EHLO|PEM|CA|SHA-256|Bcc|POP3|IMAP|"
                 "Gmail|Google|QQ|MIME|HELO)\\b|\\.(eml|json)\\b|\\b[CS]:|\\bReceived:",
                 // SMTP stages and a failure rule as written (RCPT:451:50); certificate file names
                 "\\b(MAIL|RCPT|DATA|STAGE|CODE|PERCENT)\\b|\\b[A-Z]+:[A-Z0-9]+:[A-Z0-9]+\\b|\\b[\\w-]+\\.(pem|key|crt)\\b",
                 "\\b(socket|bind|listen|accept|connect|send|sendto|recv|recvfrom|shutdown|close|getaddrinfo|SSL_write|SSL_read|SSL_do_handshake)\\(",
                 "\\b(Ctrl|Shift|Alt|Enter|Esc|Delete|F\\d{1,2})\\b(\\+(\\w+|=|-))*",   // keys: Enter, Ctrl+H, Delete
                 "\\([A-Z0-9]\\)",                                     // an accelerator, "&" stripped: 文件(F)
                 "\\b(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\\b",
                 // check values as the CLI names them (crc16-modbus) and as the CRC catalogue does
                 "\\b(crc16-modbus|crc16-ccitt-false|crc16-xmodem|crc32|crc8|sum8|xor8|lrc)\\b|\\bCRC-(8|16|32)(/[A-Z-]+)?|\\b(LRC|XOR-8|sum-8)\\b",
                 // macros as written: {{counter:start=0,width=4}}, {{file:PATH}}
                 "\\{\\{[^{}]*\\}\\}",
                 // the inbox's search language as written (from:TEXT has:attachment after:YYYY-MM-DD
                 // larger:10K), and a command line quoted whole
                 "\\b(from|to|subject|has|after|before|larger|smaller):\\S*|\\bYYYY-MM-DD\\b|\\b\\d+[KMG]\\b|\\bsocketeer( [a-z]+)+( --[a-z-]+)*",
                 // the chat room's protocol lines, English on purpose (docs/CHAT.md)
                 "\\*\\*\\* NAME (joined|left)|\\bNAME: TEXT\\b",
                 // and its commands, typed as they are: /nick, /who, the server's /kick
                 "(?<![\\w/])/(nick|me|who|msg|topic|quit|help|notice|mute|unmute|kick)\\b",
                 "\\\\x[0-9A-Fa-f]{2}|\\\\xNN|\\\\r|\\\\n",   // escapes as written: \x0A, \r, \n
                 "(?<![\\w])[0-9A-Fa-f]{2}(?![\\w])",         // hex bytes: 48 65 6C 6C 6F
                 "&[A-Za-z0-9]",                              // accelerators: 文件(&F)
             })
            list << QRegularExpression(QString::fromLatin1(pattern));
        return list;
    }();
    text.remove(QStringLiteral("&&"));
    for (const QRegularExpression &token : tokens)
        text.replace(token, QStringLiteral(" "));
    // The names of this machine's network interfaces, listed next to their addresses.
    for (const QString &name : interfaceNames)
        if (!name.isEmpty())
            text.replace(QRegularExpression(QStringLiteral("(?<!\\w)%1(?!\\w)").arg(QRegularExpression::escape(name))), QStringLiteral(" "));
    return text;
}

bool hasLatinLetters(const QString &text)
{
    for (QChar c : text)
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')))
            return true;
    return false;
}

QString plain(const QString &text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

QString describe(const QObject *object)
{
    QString name = QString::fromLatin1(object->metaObject()->className());
    if (!object->objectName().isEmpty())
        name += QLatin1Char('#') + object->objectName();
    if (object->parent() && !object->parent()->objectName().isEmpty())
        name = object->parent()->objectName() + QLatin1Char('/') + name;
    return name;
}

// Every user-visible string of a window: titles, labels, buttons, placeholders, tool tips, combo
// items, spin box affixes, tabs, group boxes, menus, actions, and the headers and cells of views.
QList<QPair<QString, QString>> visibleTexts(QWidget *window)
{
    QList<QPair<QString, QString>> texts;
    auto add = [&](const QObject *where, const QString &what, const QString &text) {
        if (!text.trimmed().isEmpty())
            texts.append({describe(where) + QLatin1Char(' ') + what, plain(text)});
    };
    auto addAction = [&](const QAction *action) {
        if (action->isSeparator())
            return;
        add(action, QStringLiteral("text"), action->text());
        add(action, QStringLiteral("toolTip"), action->toolTip());
        add(action, QStringLiteral("statusTip"), action->statusTip());
        add(action, QStringLiteral("iconText"), action->iconText());
    };
    auto addModel = [&](const QObject *where, const QAbstractItemModel *model) {
        if (!model)
            return;
        for (int c = 0; c < model->columnCount(); ++c)
            add(where, QStringLiteral("header %1").arg(c), model->headerData(c, Qt::Horizontal).toString());
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 0; c < model->columnCount(); ++c) {
                const QModelIndex index = model->index(r, c);
                add(where, QStringLiteral("cell %1,%2").arg(r).arg(c), model->data(index, Qt::DisplayRole).toString());
                add(where, QStringLiteral("cell tip %1,%2").arg(r).arg(c), model->data(index, Qt::ToolTipRole).toString());
            }
        }
    };

    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *w : widgets) {
        if (w->isWindow() || qobject_cast<QDockWidget *>(w))
            add(w, QStringLiteral("windowTitle"), w->windowTitle());
        add(w, QStringLiteral("toolTip"), w->toolTip());
        add(w, QStringLiteral("statusTip"), w->statusTip());
        add(w, QStringLiteral("whatsThis"), w->whatsThis());
        if (auto *label = qobject_cast<QLabel *>(w))
            add(w, QStringLiteral("text"), label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(w, QStringLiteral("text"), button->text());
        if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            add(w, QStringLiteral("placeholder"), edit->placeholderText());
            add(w, QStringLiteral("text"), edit->text());
        }
        if (auto *edit = qobject_cast<QTextEdit *>(w))
            add(w, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *edit = qobject_cast<QPlainTextEdit *>(w))
            add(w, QStringLiteral("placeholder"), edit->placeholderText());
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(w, QStringLiteral("item %1").arg(i), combo->itemText(i));
            add(w, QStringLiteral("currentText"), combo->currentText());
            add(w, QStringLiteral("placeholder"), combo->placeholderText());
        }
        if (auto *spin = qobject_cast<QSpinBox *>(w)) {
            add(w, QStringLiteral("prefix"), spin->prefix());
            add(w, QStringLiteral("suffix"), spin->suffix());
            add(w, QStringLiteral("specialValueText"), spin->specialValueText());
        }
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(w, QStringLiteral("tab %1").arg(i), tabs->tabText(i));
                add(w, QStringLiteral("tab tip %1").arg(i), tabs->tabToolTip(i));
            }
        }
        if (auto *box = qobject_cast<QGroupBox *>(w))
            add(w, QStringLiteral("title"), box->title());
        if (auto *menu = qobject_cast<QMenu *>(w))
            add(w, QStringLiteral("title"), menu->title());
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && !qobject_cast<QHeaderView *>(w))
            addModel(w, view->model());
        for (const QAction *action : w->actions())
            addAction(action);
    }
    for (const QAction *action : window->findChildren<QAction *>())
        addAction(action);
    return texts;
}

QStringList interfaceNames()
{
    QStringList names;
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces())
        names << iface.humanReadableName() << iface.name();
    names.removeDuplicates();
    // Longest first, so "eth0.1" goes before "eth0".
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return names;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

    QTemporaryDir m_config;

private slots:
    void initTestCase()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
        QCoreApplication::setOrganizationName(QStringLiteral("SocketeerTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_translations"));
        // The window's local inbox listens on a free port and keeps mail in the test's folder.
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_config.filePath(QStringLiteral("inbox")));
    }

    void cleanup() { installLanguage(QStringLiteral("en")); }

    void embeddedTranslations_load()
    {
        for (const QString &language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            const QString path = QStringLiteral(":/i18n/socketeer_%1.qm").arg(language);
            QVERIFY2(QFile(path).exists(), qPrintable(path));
            QTranslator translator;
            QVERIFY2(translator.load(path), qPrintable(path));
            QVERIFY(!translator.isEmpty());
            QCOMPARE(translator.language(), language == QLatin1String("en") ? QStringLiteral("en_US") : language);
        }
    }

    void installLanguage_switchesAndCanBeCalledAgain()
    {
        const char *context = "socketeer::ui::MainWindow";
        QCOMPARE(installLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(installedLanguage(), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate(context, "&File"), QStringLiteral("文件(&F)"));
        QCOMPARE(QLocale().language(), QLocale::Chinese);
        QCOMPARE(installLanguage(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate(context, "&File"), QStringLiteral("&File"));
        QCOMPARE(installLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate(context, "&File"), QStringLiteral("文件(&F)"));
        // Unknown codes fall back to English; "" follows the system.
        QCOMPARE(installLanguage(QStringLiteral("xx")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate(context, "&File"), QStringLiteral("&File"));
        QCOMPARE(installLanguage(QString()), systemLanguage());
        QVERIFY(availableLanguages().contains(systemLanguage()));
    }

    void installLanguage_translatesQtsOwnDialogs()
    {
        QFile qtbase(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm"));
        // scripts/install-deps.sh installs it (Debian: qt6-translations-l10n): missing is a failure.
        QVERIFY2(qtbase.exists(), qPrintable(qtbase.fileName() + QStringLiteral(" is not installed: scripts/install-deps.sh installs it")));
        installLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
    }

    void chineseTs_translatesEveryMessage()
    {
        QString error;
        const QList<TsMessage> messages = readTs(tsPath(QStringLiteral("zh_CN")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 100);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/socketeer_zh_CN.qm")));
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QString where = QStringLiteral("line %1 [%2] \"%3\"").arg(m.line).arg(m.context, m.source);
            if (m.unfinished)
                problems << where + QStringLiteral(": unfinished");
            if (m.translations.size() != 1)   // Chinese has one plural form
                problems << where + QStringLiteral(": %1 translations").arg(m.translations.size());
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << where + QStringLiteral(": empty translation");
                if (placeholders(t) != placeholders(m.source))
                    problems << where + QStringLiteral(": placeholders %1 became %2 in \"%3\"")
                                            .arg(placeholders(m.source).join(QLatin1Char(' ')), placeholders(t).join(QLatin1Char(' ')), t);
                if (hasAccelerator(m.source) != hasAccelerator(t))
                    problems << where + QStringLiteral(": the accelerator (&) is lost or added in \"%1\"").arg(t);
            }
            // Found at run time under the key the code uses.
            const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8(), comment = m.comment.toUtf8();
            for (int n : m.numerus ? QList<int>{0, 1, 2, 7} : QList<int>{-1}) {
                const QString found = translator.translate(context.constData(), source.constData(),
                                                           m.comment.isEmpty() ? nullptr : comment.constData(), n);
                if (found.isEmpty())
                    problems << where + QStringLiteral(": not found at run time (n = %1)").arg(n);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void englishTs_givesEveryPluralItsForms()
    {
        QString error;
        const QList<TsMessage> messages = readTs(tsPath(QStringLiteral("en")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        installLanguage(QStringLiteral("en"));
        QStringList problems;
        for (const TsMessage &m : messages) {
            const QString where = QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
            if (!m.numerus)
                problems << where + QStringLiteral(": not a plural (socketeer_en.ts holds plurals only)");
            if (m.unfinished || m.translations.size() != 2)
                problems << where + QStringLiteral(": unfinished or not two forms");
            const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8();
            for (int n : {0, 1, 2, 7}) {
                const QString text = QCoreApplication::translate(context.constData(), source.constData(), nullptr, n);
                if (text.contains(QLatin1String("(s)")) || text.isEmpty() || !text.contains(QString::number(n)))
                    problems << where + QStringLiteral(": n = %1 gives \"%2\"").arg(n).arg(text);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void englishPlural_oneClientTwoClients()
    {
        installLanguage(QStringLiteral("en"));
        const char *context = "socketeer::TcpServer";
        const char *source = "the server already has its maximum of %n client(s)";
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1), QStringLiteral("the server already has its maximum of 1 client"));
        QCOMPARE(QCoreApplication::translate(context, source, nullptr, 2), QStringLiteral("the server already has its maximum of 2 clients"));
        QCOMPARE(QCoreApplication::translate("socketeer::ui::ServerPanel", "%n thread(s)", nullptr, 1), QStringLiteral("1 thread"));
    }

    // The proof that the .ts is not stale: with Chinese installed, the real window, in use, shows
    // nothing in Latin letters but technical tokens. A string added to the code without a
    // translation stays English and fails here, with its place named.
    void mainWindow_inChinese_showsNoEnglish()
    {
        QCOMPARE(installLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        Settings settings;
        MainWindow window(settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList interfaces = interfaceNames();

        QStringList english;
        auto check = [&](const QString &moment) {
            for (const auto &[where, text] : visibleTexts(&window)) {
                // What is left once the technical tokens are gone says which words are English.
                if (const QString rest = withoutTechnicalTokens(text, interfaces); hasLatinLetters(rest))
                    english << QStringLiteral("%1: %2: \"%3\" (left: \"%4\")").arg(moment, where, text, rest.simplified());
            }
        };
        check(QStringLiteral("at start"));
        QCOMPARE(window.windowTitle(), QStringLiteral("Socketeer"));

        // In use: a server listening and a client connected to it fill statuses, lists and logs.
        ServerPanel *server = window.serverPanel();
        QSignalSpy listening(server, &ServerPanel::listeningChanged);
        server->startListening(0);
        QVERIFY(listening.wait(5000));
        const quint16 port = server->server()->boundAddress().port();
        QVERIFY(port != 0);
        ClientPanel *client = window.clientPanels().first();
        QSignalSpy connected(client->client(), &TcpClient::connected);
        client->connectTo(QStringLiteral("127.0.0.1"), port);
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(server->server()->clientCount(), 1, 5000);
        // The server's statistics (its thread count) come on a timer: wait until they are shown.
        auto *threads = window.findChild<QLabel *>(QStringLiteral("threadCount"));
        QVERIFY(threads);
        QTRY_VERIFY_WITH_TIMEOUT(!threads->text().isEmpty(), 5000);
        check(QStringLiteral("connected"));

        client->client()->disconnectFromHost();
        QTRY_COMPARE_WITH_TIMEOUT(server->server()->clientCount(), 0, 5000);
        server->stopListening();
        QTRY_VERIFY_WITH_TIMEOUT(!server->server()->isRunning(), 5000);
        check(QStringLiteral("stopped"));

        QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("untranslated (rerun scripts/update-translations.sh and translate):\n")
                                               + english.join(QLatin1Char('\n'))));
    }

    // The compose-mail window the same way: at rest, with a bad address typed, and with an
    // attachment listed.
    void composeWindow_inChinese_showsNoEnglish()
    {
        QCOMPARE(installLanguage(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QTemporaryDir dir;
        Settings settings;
        ComposeWindow window(settings, dir.filePath(QStringLiteral("draft.json")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QStringList english;
        // What the user typed or chose is data, whatever its script: the bad address, the file's
        // name and path, and its type as the MIME database names it.
        const QStringList userData{QStringLiteral("bob"), dir.path(), QStringLiteral(".xlsx"), QStringLiteral("local@domain"),
                                   QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                                   QStringLiteral("Excel")};
        auto check = [&](const QString &moment) {
            for (const auto &[where, text] : visibleTexts(&window)) {
                QString rest = text;
                for (const QString &data : userData)
                    rest.remove(data);
                if (hasLatinLetters(withoutTechnicalTokens(rest, {})))
                    english << QStringLiteral("%1: %2: \"%3\"").arg(moment, where, text);
            }
        };
        check(QStringLiteral("at start"));
        auto *preset = window.findChild<QComboBox *>(QStringLiteral("preset"));
        for (int i = 0; i < preset->count(); ++i) {
            preset->setCurrentIndex(i);
            check(QStringLiteral("preset %1").arg(i));
        }
        window.findChild<QLineEdit *>(QStringLiteral("to"))->setText(QStringLiteral("zhang@example.com, bob"));
        check(QStringLiteral("bad address"));
        const QString file = dir.filePath(QStringLiteral("汇总数据.xlsx"));
        QFile sheet(file);
        QVERIFY(sheet.open(QIODevice::WriteOnly));
        sheet.write("x");
        sheet.close();
        window.attachFiles({file});
        check(QStringLiteral("attached"));
        QVERIFY2(english.isEmpty(), qPrintable(QStringLiteral("untranslated (rerun scripts/update-translations.sh and translate):\n")
                                               + english.join(QLatin1Char('\n'))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
