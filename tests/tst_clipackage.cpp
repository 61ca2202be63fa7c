// The Debian package, made from this build tree the way scripts/package.sh makes the release one
// (CPack with cmake/Packaging.cmake's settings, dependencies from dpkg-shlibdeps), then unpacked into
// a throwaway root with dpkg -x: the program runs from there, and the menu entry and the software
// centre's metainfo pass their validators. (A whole Release build would take too long for the
// suite; scripts/package.sh builds one and runs lintian on it.)

#include "processrun.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using testsupport::ProcessOptions;
using testsupport::ProcessResult;
using testsupport::runProcess;

namespace {

QByteArray describe(const ProcessResult &result)
{
    return "exit " + QByteArray::number(result.exitCode) + "\n" + result.out.right(3000) + "\n" + result.err.right(3000);
}

} // namespace

class TestCliPackage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(u"dpkg-deb"_s).isEmpty())
            QSKIP("dpkg-deb is not installed: this is not a Debian system");
        QVERIFY(m_work.isValid());
        // gzip rather than the release's xz: the same package, made in a fraction of the time.
        const ProcessResult cpack = runProcess(QStringLiteral(SOCKETEER_CPACK),
                                               {u"-G"_s, u"DEB"_s, u"--config"_s, QStringLiteral(SOCKETEER_BUILD_DIR) + u"/CPackConfig.cmake"_s,
                                                u"-B"_s, m_work.filePath(u"out"_s), u"-D"_s, u"CPACK_DEBIAN_COMPRESSION_TYPE=gzip"_s},
                                               ProcessOptions().withTimeout(240000).inDirectory(m_work.path()));
        QVERIFY2(cpack.exitCode == 0, describe(cpack).constData());
        const QStringList debs = QDir(m_work.filePath(u"out"_s)).entryList({u"socketeer_*.deb"_s}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_deb = m_work.filePath(u"out/"_s + debs.first());
        m_root = m_work.filePath(u"root"_s);
        const ProcessResult unpack = runProcess(u"dpkg"_s, {u"-x"_s, m_deb, m_root});
        QVERIFY2(unpack.exitCode == 0, describe(unpack).constData());
    }

    void control_saysWhatDebianNeeds()
    {
        const ProcessResult info = runProcess(u"dpkg-deb"_s, {u"--field"_s, m_deb});
        QVERIFY2(info.exitCode == 0, describe(info).constData());
        const QByteArray fields = info.out;
        QVERIFY2(fields.contains("Package: socketeer\n"), fields.constData());
        QVERIFY(fields.contains("Version: " SOCKETEER_VERSION "\n"));
        QVERIFY(fields.contains("Section: net\n"));
        QVERIFY(fields.contains("Homepage: https://"));
        QVERIFY(fields.contains("Maintainer: "));
        // dpkg-shlibdeps read the program: Qt, GMime and OpenSSL come from it, with versions.
        for (const char *library : {"libc6 (>=", "libqt6core6 (>=", "libqt6widgets6 (>=", "libqt6network6 (>=", "libgmime-3.0", "libssl3 (>="})
            QVERIFY2(fields.contains(library), (QByteArray(library) + " not in\n" + fields).constData());
        // The extended description is there, as paragraphs.
        QVERIFY(fields.contains("\n ."));
    }

    void payload_holdsEverythingTheDesktopLooksFor()
    {
        for (const char *path : {"usr/bin/socketeer", "usr/share/applications/socketeer.desktop",
                                 "usr/share/metainfo/io.github.socketeer.Socketeer.metainfo.xml",
                                 "usr/share/icons/hicolor/scalable/apps/socketeer.svg", "usr/share/icons/hicolor/16x16/apps/socketeer.png",
                                 "usr/share/icons/hicolor/256x256/apps/socketeer.png", "usr/share/man/man1/socketeer.1.gz",
                                 "usr/share/bash-completion/completions/socketeer", "usr/share/zsh/vendor-completions/_socketeer",
                                 "usr/share/doc/socketeer/copyright", "usr/share/doc/socketeer/changelog.gz"})
            QVERIFY2(QFile::exists(m_root + u'/' + QLatin1String(path)), path);
        // Stripped, as Debian wants its binaries.
        const ProcessResult file = runProcess(u"file"_s, {u"-b"_s, m_root + u"/usr/bin/socketeer"_s});
        QVERIFY2(file.out.contains("stripped") && !file.out.contains("not stripped"), file.out.constData());
    }

    void unpackedProgram_runs()
    {
        const QString program = m_root + u"/usr/bin/socketeer"_s;
        const ProcessResult version = runProcess(program, {u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("socketeer " SOCKETEER_VERSION "\n"));
        const ProcessResult help = runProcess(program, {u"serve"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith("Usage: socketeer serve [options]"), help.out.left(200).constData());
        QVERIFY(help.out.contains("--port"));
        // Its manual page reads as one.
        const ProcessResult man = runProcess(u"man"_s, {u"-l"_s, m_root + u"/usr/share/man/man1/socketeer.1.gz"_s});
        QCOMPARE(man.exitCode, 0);
        QVERIFY(man.out.contains("socketeer serve [options]"));
    }

    void menuEntry_andMetainfo_passTheirValidators()
    {
        if (QStandardPaths::findExecutable(u"desktop-file-validate"_s).isEmpty() || QStandardPaths::findExecutable(u"appstreamcli"_s).isEmpty())
            QFAIL("desktop-file-validate and appstreamcli are needed (scripts/install-deps.sh installs them)");
        const ProcessResult desktop = runProcess(u"desktop-file-validate"_s, {m_root + u"/usr/share/applications/socketeer.desktop"_s});
        QVERIFY2(desktop.exitCode == 0 && desktop.out.isEmpty() && desktop.err.isEmpty(), describe(desktop).constData());
        // --no-net: the screenshots' addresses are not fetched (the tests never leave the machine).
        const ProcessResult metainfo = runProcess(u"appstreamcli"_s, {u"validate"_s, u"--no-net"_s, u"--no-color"_s,
                                                                m_root + u"/usr/share/metainfo/io.github.socketeer.Socketeer.metainfo.xml"_s});
        QVERIFY2(metainfo.exitCode == 0, describe(metainfo).constData());
        // The metainfo launches the menu entry the package installs.
        QFile xml(m_root + u"/usr/share/metainfo/io.github.socketeer.Socketeer.metainfo.xml"_s);
        QVERIFY(xml.open(QIODevice::ReadOnly));
        QVERIFY(xml.readAll().contains("<launchable type=\"desktop-id\">socketeer.desktop</launchable>"));
    }

private:
    QTemporaryDir m_work;
    QString m_deb;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestCliPackage)
#include "tst_clipackage.moc"
