// The command line in the user's language: with a Chinese locale in the environment (LC_ALL over
// LC_MESSAGES over LANG, as gettext reads them) or with --language zh_CN before or after the
// subcommand's name, help, usage errors (Qt's QCommandLineParser texts included) and network errors
// are Chinese; with LANG=C they stay English. The zh_CN glibc locale need not exist: the language
// is read from the variables, and the system's error texts are our own (errnoText), not strerror's.

#include "clipeer.h"

#include "net/error.h"
#include "net/socket.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

#include <cerrno>
#include <clocale>
#include <cstring>
#include <locale.h>
#include <netdb.h>

using namespace socketeer;
using namespace Qt::StringLiterals;

namespace {

struct Outcome {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs socketeer with exactly these locale variables (every other one removed), stdin empty.
Outcome runSocketeer(const QStringList &arguments, const QStringList &localeVariables)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : environment.keys()) {
        if (name.startsWith("LC_"_L1) || name == "LANG"_L1 || name == "LANGUAGE"_L1)
            environment.remove(name);
    }
    for (const QString &assignment : localeVariables)
        environment.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(SOCKETEER_CLI_PATH), arguments);
    Outcome outcome;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return outcome;
    }
    outcome.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    outcome.out = QString::fromUtf8(process.readAllStandardOutput());
    outcome.err = QString::fromUtf8(process.readAllStandardError());
    return outcome;
}

// A TCP port on loopback that refuses: bound, never listening, and so taken by no other test.
QString refusingAddress(Socket &socket)
{
    if (!socket.bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)))
        return {};
    return socket.sockName()->toString();
}

void addChineseWays()
{
    // The arguments around the subcommand's own, and the environment.
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("environment");
    QTest::newRow("LANG") << QStringList{} << QStringList{} << QStringList{u"LANG=zh_CN.UTF-8"_s};
    QTest::newRow("LC_ALL over LANG") << QStringList{} << QStringList{} << QStringList{u"LANG=en_US.UTF-8"_s, u"LC_ALL=zh_CN.UTF-8"_s};
    QTest::newRow("LC_MESSAGES over LANG") << QStringList{} << QStringList{} << QStringList{u"LANG=C"_s, u"LC_MESSAGES=zh_CN.UTF-8"_s};
    QTest::newRow("--language before") << QStringList{u"--language"_s, u"zh_CN"_s} << QStringList{} << QStringList{u"LANG=C"_s};
    QTest::newRow("--language= after") << QStringList{} << QStringList{u"--language=zh_CN"_s} << QStringList{u"LANG=en_US.UTF-8"_s};
    QTest::newRow("--language after") << QStringList{} << QStringList{u"--language"_s, u"zh_CN"_s} << QStringList{u"LANG=C"_s};
}

void addEnglishWays()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("environment");
    QTest::newRow("LANG=C") << QStringList{} << QStringList{} << QStringList{u"LANG=C"_s};
    QTest::newRow("nothing set") << QStringList{} << QStringList{} << QStringList{};
    QTest::newRow("LC_ALL=C over LANG") << QStringList{} << QStringList{} << QStringList{u"LANG=zh_CN.UTF-8"_s, u"LC_ALL=C"_s};
    QTest::newRow("LC_MESSAGES=C over LANG") << QStringList{} << QStringList{} << QStringList{u"LANG=zh_CN.UTF-8"_s, u"LC_MESSAGES=C"_s};
    QTest::newRow("--language en") << QStringList{} << QStringList{u"--language"_s, u"en"_s} << QStringList{u"LANG=zh_CN.UTF-8"_s};
}

QStringList around(const QStringList &before, const QString &command, const QStringList &own, const QStringList &after)
{
    return before + QStringList{command} + own + after;
}

} // namespace

class TestCliLanguage : public QObject {
    Q_OBJECT

private slots:
    void serveHelp_chinese_data() { addChineseWays(); }
    void serveHelp_chinese()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QStringList, environment);
        const Outcome help = runSocketeer(around(before, u"serve"_s, {u"--help"_s}, after), environment);
        QCOMPARE(help.exitCode, 0);
        // Qt's own texts, from Debian's qtbase_zh_CN.qm, and the program named as a subcommand.
        QVERIFY2(help.out.startsWith(u"用法：socketeer serve "_s), qPrintable(help.out));
        QVERIFY2(help.out.contains(u"在命令行选项上显示帮助"_s), qPrintable(help.out));
        QVERIFY2(help.out.contains(u"退出状态：成功时为 0"_s), qPrintable(help.out));
        QVERIFY2(help.out.contains(u"使用指定的语言"_s), qPrintable(help.out));
        for (const QString &english : {u"Usage:"_s, u"Options:"_s, u"Displays help"_s, u"Exit status"_s, u"Listen on"_s})
            QVERIFY2(!help.out.contains(english), qPrintable(english + u" in:\n"_s + help.out));
    }

    void serveHelp_english_data() { addEnglishWays(); }
    void serveHelp_english()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QStringList, environment);
        const Outcome help = runSocketeer(around(before, u"serve"_s, {u"--help"_s}, after), environment);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(u"Usage: socketeer serve [options]"_s), qPrintable(help.out));
        QVERIFY2(help.out.contains(u"Displays help on commandline options."_s), qPrintable(help.out));
        QVERIFY2(help.out.contains(u"Exit status: 0"_s), qPrintable(help.out));
        QVERIFY2(!help.out.contains(u"用法"_s), qPrintable(help.out));
    }

    void everySubcommandsHelp_isChinese_data()
    {
        QTest::addColumn<QString>("command");
        for (const char *command : {"serve", "connect", "udp", "mail", "inbox", "code", "lab", "relay"})
            QTest::newRow(command) << QString::fromLatin1(command);
    }
    void everySubcommandsHelp_isChinese()
    {
        QFETCH(QString, command);
        const Outcome help = runSocketeer({command, u"--help"_s}, {u"LANG=zh_CN.UTF-8"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(u"用法：socketeer "_s + command), qPrintable(help.out));
        // Each option's description: a line "  --name …  text". Its text is Chinese.
        const QStringList lines = help.out.split(u'\n');
        for (const QString &line : lines) {
            if (!line.trimmed().startsWith(u"-"_s))
                continue;
            static const QRegularExpression han(u"\\p{Han}"_s);
            const qsizetype gap = line.indexOf(u"  "_s, line.indexOf(u'-'));
            if (gap < 0)
                continue;   // a long option line wrapped: its description is on the next line
            QVERIFY2(line.mid(gap).contains(han), qPrintable(command + u": "_s + line));
        }
    }

    void usageError_chinese_data() { addChineseWays(); }
    void usageError_chinese()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QStringList, environment);
        const Outcome unknown = runSocketeer(around(before, u"serve"_s, {u"--no-such-option"_s}, after), environment);
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.out, QString());
        QCOMPARE(unknown.err, u"socketeer serve: 未知选项“no-such-option”。（参见 socketeer serve --help）\n"_s);

        const Outcome extra = runSocketeer(around(before, u"serve"_s, {u"surplus"_s}, after), environment);
        QCOMPARE(extra.exitCode, 2);
        QVERIFY2(extra.err.contains(u"多余的参数“surplus”"_s), qPrintable(extra.err));
    }

    void usageError_english_data() { addEnglishWays(); }
    void usageError_english()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QStringList, environment);
        const Outcome unknown = runSocketeer(around(before, u"serve"_s, {u"--no-such-option"_s}, after), environment);
        QCOMPARE(unknown.exitCode, 2);
        QCOMPARE(unknown.err, u"socketeer serve: Unknown option 'no-such-option'. (see socketeer serve --help)\n"_s);
    }

    void refused_chinese_data() { addChineseWays(); }
    void refused_chinese()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QStringList, environment);
        auto socket = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(socket);
        const QString address = refusingAddress(*socket);
        QVERIFY(!address.isEmpty());
        const Outcome refused = runSocketeer(around(before, u"connect"_s, {address}, after), environment);
        QCOMPARE(refused.exitCode, 1);
        // The whole sentence in one language: our kind, the address, our text for ECONNREFUSED.
        QVERIFY2(refused.err.contains(u"无法连接"_s), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(address), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(u"连接被拒绝"_s), qPrintable(refused.err));
        QVERIFY2(!refused.err.contains(u"refused"_s), qPrintable(refused.err));
    }

    void refused_english_data() { addEnglishWays(); }
    void refused_english()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QStringList, environment);
        auto socket = Socket::create(AF_INET, SocketType::Stream);
        QVERIFY(socket);
        const QString address = refusingAddress(*socket);
        QVERIFY(!address.isEmpty());
        const Outcome refused = runSocketeer(around(before, u"connect"_s, {address}, after), environment);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"Could not connect %1: Connection refused"_s.arg(address)), qPrintable(refused.err));
    }

    void unknownLanguage_isAUsageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("subcommand, after") << QStringList{u"serve"_s, u"--language"_s, u"klingon"_s}
                                           << u"socketeer serve: --language: \"klingon\" is not en or zh_CN\n"_s;
        QTest::newRow("subcommand, before") << QStringList{u"--language=klingon"_s, u"udp"_s}
                                            << u"socketeer udp: --language: \"klingon\" is not en or zh_CN\n"_s;
        QTest::newRow("window") << QStringList{u"--language"_s, u"klingon"_s, u"--version"_s}
                                << u"socketeer: --language: \"klingon\" is not one of en, zh_CN\n"_s;
    }
    void unknownLanguage_isAUsageError()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const Outcome outcome = runSocketeer(arguments, {u"LANG=C"_s});
        QCOMPARE(outcome.exitCode, 2);
        QCOMPARE(outcome.err, says);
        // Without its value, like any other option's.
        const Outcome bare = runSocketeer({u"serve"_s, u"--language"_s}, {u"LANG=C"_s});
        QCOMPARE(bare.exitCode, 2);
        QVERIFY2(bare.err.contains(u"Missing value after '--language'"_s), qPrintable(bare.err));
    }

    void languageAfterDoubleDash_isAnArgument()
    {
        // After "--" everything is an argument: "--language" there is not taken as the option.
        const Outcome outcome = runSocketeer({u"serve"_s, u"--"_s, u"--language"_s, u"zh_CN"_s}, {u"LANG=C"_s});
        QCOMPARE(outcome.exitCode, 2);
        QVERIFY2(outcome.err.contains(u"unexpected argument \"--language\""_s), qPrintable(outcome.err));
    }

    void window_helpAndMistakes_chinese_data() { addChineseWays(); }
    void window_helpAndMistakes_chinese()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QStringList, environment);
        // The window's own options: no subcommand, so "before" and "after" are both just arguments.
        const Outcome help = runSocketeer(before + QStringList{u"--help"_s} + after, environment);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(u"用法：socketeer "_s), qPrintable(help.out));
        QVERIFY2(help.out.contains(u"不带命令时，Socketeer 打开窗口"_s), qPrintable(help.out));
        QVERIFY2(help.out.contains(u"监听 TCP 连接：聊天服务器或回显服务器"_s), qPrintable(help.out));
        QVERIFY2(!help.out.contains(u"<executable_name>"_s), qPrintable(help.out));

        const Outcome mistake = runSocketeer(before + QStringList{u"--listen"_s, u"99999"_s} + after, environment);
        QCOMPARE(mistake.exitCode, 2);
        QVERIFY2(mistake.err.startsWith(u"socketeer: --listen: "_s), qPrintable(mistake.err));
        static const QRegularExpression han(u"\\p{Han}"_s);
        QVERIFY2(mistake.err.contains(han), qPrintable(mistake.err));
    }

    // The C library's texts: ours for the codes networking and files meet, word for word glibc's
    // English when no translation is installed; any other code is glibc's English with its name.
    void errnoText_isGlibcsEnglishOrNamesTheCode()
    {
        const locale_t c = ::newlocale(LC_ALL_MASK, "C", locale_t(nullptr));
        QVERIFY(c);
        for (int err = 1; err < 134; ++err) {
            const QString glibc = QString::fromUtf8(::strerror_l(err, c));
            const QString ours = errnoText(err);
            const char *name = ::strerrorname_np(err);
            QVERIFY2(ours == glibc || (name && ours == u"%1 (%2)"_s.arg(glibc, QString::fromLatin1(name))),
                     qPrintable(u"%1: %2 / %3"_s.arg(err).arg(ours, glibc)));
        }
        ::freelocale(c);
        QCOMPARE(errnoText(ECONNREFUSED), u"Connection refused"_s);
        QCOMPARE(errnoText(ENOEXEC), u"Exec format error (ENOEXEC)"_s);
        QCOMPARE(errnoText(100000), u"Unknown error 100000"_s);
        QCOMPARE(resolverText(EAI_NONAME), QString::fromUtf8(::gai_strerror(EAI_NONAME)));
        QCOMPARE(errorCodeText(std::error_code(EAI_AGAIN, resolverCategory())), u"Temporary failure in name resolution"_s);
        QCOMPARE(errorCodeText(std::error_code(ECONNRESET, std::system_category())), u"Connection reset by peer"_s);
        QCOMPARE(errorCodeText({}), QString());
    }
};

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_clilanguage.moc"
