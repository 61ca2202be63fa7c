// socketeer(1) and the shell completions, which the build writes from the program's own --help
// (scripts/cli-docs.py): the man page must say what --help says, every option of every command,
// and format without a warning; the bash completion is run by bash itself, with bash-completion's
// helpers and without them, and the zsh completion is read by zsh.

#include "processrun.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using testsupport::ProcessOptions;
using testsupport::ProcessResult;
using testsupport::runProcess;

namespace {

const QString kDocs = QStringLiteral(SOCKETEER_CLI_DOCS_DIR);
const QString kSource = QStringLiteral(SOCKETEER_SOURCE_DIR);

// The help in English with the default folders spelled ~/..., as the generator reads it.
QString help(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"HOME"_s, u"~"_s);
    environment.remove(u"LANGUAGE"_s);
    const ProcessResult result = runProcess(QStringLiteral(SOCKETEER_CLI_PATH), arguments + QStringList{u"--help"_s}, ProcessOptions().withEnvironment(environment));
    if (result.exitCode != 0)
        qWarning("socketeer %s --help: %d %s", qPrintable(arguments.join(u' ')), result.exitCode, result.err.constData());
    return QString::fromUtf8(result.out);
}

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// The long options a --help lists ("  -h, --help", "  --bind <address>").
QStringList optionsOf(const QString &helpText)
{
    QStringList options;
    static const QRegularExpression line(u"^  (?:-\\w, )?(--[\\w-]+)"_s, QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(helpText); it.hasNext();)
        options << it.next().captured(1);
    return options;
}

// The commands `socketeer --help` lists ("  serve     Listen for ...").
QStringList commandsOf(const QString &helpText)
{
    QStringList commands;
    static const QRegularExpression line(u"^  ([a-z][a-z0-9-]*) {2,}\\S"_s, QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(helpText); it.hasNext();)
        commands << it.next().captured(1);
    return commands;
}

// One part of the man page: from its heading to the next one of the same level or above.
QString manSection(const QString &page, const QString &heading)
{
    const qsizetype start = page.indexOf(u'\n' + heading + u'\n');
    if (start < 0)
        return {};
    static const QRegularExpression next(u"\n\\.S[SH] "_s);
    const auto match = next.match(page, start + heading.size() + 1);
    return page.mid(start, match.hasMatch() ? match.capturedStart() - start : -1);
}

QString roffOption(const QString &option)
{
    return u"\\fB"_s + QString(option).replace(u"-"_s, u"\\-"_s) + u"\\fR"_s;
}

} // namespace

class TestCliDocs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(kDocs + u"/socketeer.1"_s), "the build writes the man page (target socketeer_cli_docs)");
        QVERIFY(QFile::exists(kDocs + u"/socketeer.bash"_s));
        QVERIFY(QFile::exists(kDocs + u"/_socketeer"_s));
    }

    // The files the build wrote are what the program's help makes now (a stale page fails here).
    void generatedFiles_matchTheHelpOfThisBuild()
    {
        const ProcessResult result = runProcess(u"/usr/bin/python3"_s, {kSource + u"/scripts/cli-docs.py"_s, u"--binary"_s, QStringLiteral(SOCKETEER_CLI_PATH),
                                                                u"--readme"_s, kSource + u"/README.md"_s, u"--check"_s, kDocs});
        QVERIFY2(result.exitCode == 0, (result.out + result.err).constData());
    }

    // Read without the generator: every option of every command's --help is in that command's section.
    void manPage_hasEveryOptionOfEveryCommand()
    {
        const QString page = readText(kDocs + u"/socketeer.1"_s);
        const QString top = help({});
        const QStringList commands = commandsOf(top);
        QVERIFY2(commands.size() >= 8, qPrintable(commands.join(u' ')));
        const QString windowOptions = manSection(page, u".SH OPTIONS"_s);
        for (const QString &option : optionsOf(top))
            QVERIFY2(windowOptions.contains(roffOption(option)), qPrintable(u"the window's "_s + option));
        QVERIFY(!optionsOf(top).isEmpty());
        QStringList sections;
        for (const QString &command : commands) {
            sections << command;
            // A command's own commands ("socketeer inbox list"), where its first argument is one
            // of a list of words and the word's --help names itself.
            static const QRegularExpression wordList(u"^Usage: socketeer \\S+ \\[options\\] \\[?([a-z-]+(?:\\|[a-z-]+)+)"_s);
            const auto words = wordList.match(help({command}));
            for (const QString &word : words.hasMatch() ? words.captured(1).split(u'|') : QStringList{}) {
                if (help({command, word}).startsWith(u"Usage: socketeer %1 %2 "_s.arg(command, word)))
                    sections << command + u' ' + word;
            }
        }
        for (const QString &command : sections) {
            const QString section = manSection(page, u".SS socketeer "_s + command);
            QVERIFY2(!section.isEmpty(), qPrintable(u"no section for "_s + command));
            const QStringList options = optionsOf(help(command.split(u' ')));
            QVERIFY2(options.size() >= 3, qPrintable(command));
            for (const QString &option : options)
                QVERIFY2(section.contains(roffOption(option)), qPrintable(command + u' ' + option));
        }
        for (const char *heading : {".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH EXIT STATUS", ".SH EXAMPLES", ".SH SEE ALSO"})
            QVERIFY2(page.contains(QLatin1String(heading)), heading);
        // The exit status is the help's own sentence, and the examples are the README's.
        QVERIFY(manSection(page, u".SH EXIT STATUS"_s).contains(u"2 for a mistake on the command line"_s));
        QVERIFY(manSection(page, u".SH EXAMPLES"_s).contains(u"socketeer relay \\-\\-listen 7000"_s));
    }

    void manPage_formatsWithoutWarnings()
    {
        const ProcessResult groff = runProcess(u"groff"_s, {u"-man"_s, u"-Tutf8"_s, u"-ww"_s, u"-z"_s, kDocs + u"/socketeer.1"_s});
        QCOMPARE(groff.exitCode, 0);
        QVERIFY2(groff.err.isEmpty(), groff.err.constData());
        // As lintian checks a package's pages.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.insert(u"MANWIDTH"_s, u"80"_s);
        const ProcessResult man = runProcess(u"man"_s, {u"--warnings"_s, u"-E"_s, u"UTF-8"_s, u"-l"_s, u"-Tutf8"_s, u"-Z"_s, kDocs + u"/socketeer.1"_s}, ProcessOptions().withEnvironment(environment));
        QCOMPARE(man.exitCode, 0);
        QVERIFY2(man.err.isEmpty(), man.err.constData());
        // The page as a reader sees it, whitespace collapsed, so that no line's end cuts a phrase.
        const QByteArray shown = runProcess(u"man"_s, {u"-l"_s, kDocs + u"/socketeer.1"_s}, ProcessOptions().withEnvironment(environment)).out.simplified();
        QVERIFY(shown.contains("socketeer serve [options]"));
        QVERIFY(shown.contains("--security mode"));
        QVERIFY2(!shown.contains("/root/") && !shown.contains("/home/"), "a default folder names the build's own home");
        QVERIFY(shown.contains("~/.local/share/Socketeer/socketeer/inbox"));
        // What roff would take for its own: backslashes, quotes, non-ASCII text, a dash to copy.
        QVERIFY(shown.contains("REPLY is text with escapes (\\r\\n, \\xNN)"));
        QVERIFY(shown.contains("socketeer serve --port 50007 --reply 'regex:^PING (\\d+)$=>PONG \\1'"));
        QVERIFY(shown.contains("--from '\xe7\x8e\x8b\xe5\xa4\xa7\xe9\x94\xa4 <me@126.com>'"));   // 王大锤
        QVERIFY2(!shown.contains("\xe2\x80\x90"), "a hyphen (U+2010) where the help has a dash: options would not paste");
    }

    void bash_completes_data()
    {
        QTest::addColumn<bool>("withBashCompletion");
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("expected");   // exactly these, in any order
        const QStringList all{u"serve"_s, u"connect"_s, u"udp"_s, u"mail"_s, u"inbox"_s, u"code"_s, u"lab"_s, u"rooms"_s, u"relay"_s};
        for (const bool with : {true, false}) {
            const char *tag = with ? "bash-completion: " : "plain bash: ";
            auto row = [&](const char *name) -> QTestData & { return QTest::newRow(qPrintable(QLatin1String(tag) + QLatin1String(name))) << with; };
            row("ser") << u"socketeer ser"_s << QStringList{u"serve"_s};
            row("no word yet") << u"socketeer "_s << all;
            row("relay --dir") << u"socketeer relay --dir"_s << QStringList{u"--direction"_s};
            row("serve --announce-via") << u"socketeer serve --announce-via "_s << QStringList{u"broadcast"_s, u"multicast"_s};
            row("mail --security") << u"socketeer mail --security "_s << QStringList{u"none"_s, u"starttls"_s, u"tls"_s};
            row("mail --security=s") << u"socketeer mail --security=s"_s << QStringList{u"starttls"_s};
            row("serve --model") << u"socketeer serve --model "_s << QStringList{u"event-loop"_s, u"thread-per-client"_s};
            row("relay --direction") << u"socketeer relay --direction "_s << QStringList{u"up"_s, u"down"_s, u"both"_s};
            row("relay --profile") << u"socketeer relay --profile "_s
                                   << QStringList{u"3g"_s, u"bad-wifi"_s, u"satellite"_s, u"lossy-udp"_s, u"slicer"_s};
            row("--language") << u"socketeer --language "_s << QStringList{u"en"_s, u"zh_CN"_s};
            row("lab --language") << u"socketeer lab --language z"_s << QStringList{u"zh_CN"_s};
            row("serve --append crc16") << u"socketeer serve --append crc16-"_s
                                        << QStringList{u"crc16-modbus"_s, u"crc16-ccitt-false"_s, u"crc16-xmodem"_s};
            row("code, first word") << u"socketeer code "_s << QStringList{u"python"_s, u"c"_s};
            row("code, after an option and its value") << u"socketeer code --model event-loop python tcp-"_s
                                                       << QStringList{u"tcp-server"_s, u"tcp-client"_s};
            row("lab run") << u"socketeer lab "_s << QStringList{u"run"_s};
            row("a flag takes no value") << u"socketeer serve --echo --po"_s << QStringList{u"--port"_s};
            row("a value we cannot guess") << u"socketeer serve --port "_s << QStringList{};
            row("not a command") << u"socketeer sreve --"_s << QStringList{};
        }
    }
    void bash_completes()
    {
        QFETCH(bool, withBashCompletion);
        QFETCH(QString, line);
        QFETCH(QStringList, expected);
        QCOMPARE(complete(withBashCompletion, line, QDir::tempPath()), expected.isEmpty() ? QStringList{} : sorted(expected));
    }

    // Where an option takes a file, files; a folder, folders only; the lab's built-in labs and files.
    void bash_completesFilesAndFolders()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkdir(u"received"_s));
        for (const QString &name : {u"report.txt"_s, u"echo-lab.json"_s}) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        for (const bool with : {true, false}) {
            QCOMPARE(complete(with, u"socketeer mail --attach r"_s, dir.path()), (QStringList{u"received"_s, u"report.txt"_s}));
            QCOMPARE(complete(with, u"socketeer inbox --dir r"_s, dir.path()), QStringList{u"received"_s});
            QCOMPARE(complete(with, u"socketeer serve --tls-cert "_s, dir.path()),
                     (QStringList{u"echo-lab.json"_s, u"received"_s, u"report.txt"_s}));
            QCOMPARE(complete(with, u"socketeer lab run echo"_s, dir.path()), (QStringList{u"echo-lab.json"_s, u"echo-server"_s}));
            QCOMPARE(complete(with, u"socketeer inbox --auth a"_s, dir.path()), QStringList{u"any"_s});
        }
    }

    void zsh_readsItsCompletion()
    {
        if (QStandardPaths::findExecutable(u"zsh"_s).isEmpty())
            QSKIP("zsh is not installed (scripts/install-deps.sh installs it)");
        const QString file = kDocs + u"/_socketeer"_s;
        const ProcessResult syntax = runProcess(u"zsh"_s, {u"-n"_s, file});
        QVERIFY2(syntax.exitCode == 0 && syntax.err.isEmpty(), syntax.err.constData());
        // Loaded by compinit the way zsh finds it on $fpath, it defines the function for socketeer.
        QTemporaryDir home;
        QVERIFY(QFile::copy(file, home.filePath(u"_socketeer"_s)));
        const ProcessResult loaded = runProcess(u"zsh"_s, {u"-f"_s, u"-c"_s,
                                                            u"fpath=(%1 $fpath); autoload -Uz compinit; compinit -u -d %1/dump; "
                                                            u"print -r -- ${_comps[socketeer]}"_s.arg(home.path())});
        QCOMPARE(loaded.exitCode, 0);
        QCOMPARE(loaded.out.trimmed(), QByteArray("_socketeer"));
    }

private:
    static QStringList sorted(QStringList list)
    {
        list.sort();
        return list;
    }

    // Runs the completion function the way readline does for `line` (the cursor at its end).
    static QStringList complete(bool withBashCompletion, const QString &line, const QString &directory)
    {
        QString script;
        if (withBashCompletion)
            script += u"source /usr/share/bash-completion/bash_completion || exit 3\n"_s;
        else
            script += u"unset -f _init_completion _filedir _known_hosts_real 2>/dev/null\n"_s;
        script += u"source \"$1\" || exit 4\n"
                  u"COMP_LINE=$2; COMP_POINT=${#COMP_LINE}\n"
                  u"read -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
                  u"[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
                  u"COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                  u"_socketeer socketeer \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                  u"printf '%s\\n' \"${COMPREPLY[@]}\"\n"_s;
        QProcess bash;
        bash.setWorkingDirectory(directory);
        bash.start(u"bash"_s, {u"--norc"_s, u"--noprofile"_s, u"-c"_s, script, u"bash"_s, kDocs + u"/socketeer.bash"_s, line});
        if (!bash.waitForFinished(30000) || bash.exitCode() != 0) {
            qWarning("bash: %d %s", bash.exitCode(), bash.readAllStandardError().constData());
            return {u"<bash failed>"_s};
        }
        QStringList words;
        for (const QByteArray &word : bash.readAllStandardOutput().split('\n')) {
            if (!word.isEmpty())
                words << QString::fromUtf8(word);
        }
        // The folder's own entries come back as given (no path for a bare prefix); a trailing slash
        // that compgen adds to a folder is not part of the name.
        for (QString &word : words) {
            if (word.endsWith(u'/'))
                word.chop(1);
        }
        return sorted(words);
    }
};

QTEST_GUILESS_MAIN(TestCliDocs)
#include "tst_clidocs.moc"
