// The "Saved messages" dock (ui/savedmessagesdock.h) with real panels and Python peers: messages
// saved from a send box persist in a new store, double-click and Ctrl+1 send through the panel
// (the echo comes back into its log), import/export round-trip, a bad import changes nothing,
// delete and undo, and a sequence runs against a tutorial-style reply server with its progress.

#include "panellog.h"
#include "peer.h"

#include "clientpanel.h"
#include "mainwindow.h"
#include "messagelogmodel.h"
#include "messagelogview.h"
#include "savedmessagedialog.h"
#include "savedmessagesdock.h"
#include "savedstore.h"
#include "sendbox.h"
#include "sequencedialog.h"
#include "settings.h"

#include "saved/savedfile.h"
#include "saved/sequencerunner.h"
#include "tcp/tcpclient.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace socketeer;
using namespace socketeer::ui;
using namespace Qt::StringLiterals;
using testsupport::Peer;
using testsupport::logText;

namespace {

constexpr int kWait = 20000;

// A client panel and the dock side by side, as the window has them.
struct Rig {
    explicit Rig(const QString &path) : store(path), dock(&store)
    {
        dock.setPanelProvider([this] { return static_cast<QWidget *>(&panel); });
    }
    bool connectTo(const QString &script)
    {
        if (!server.startPython(script, {u"0"_s}))
            return false;
        const quint16 port = server.readListeningPort();
        if (!port)
            return false;
        panel.connectTo(u"127.0.0.1"_s, port);
        return QTest::qWaitFor([this] { return panel.client()->state() == TcpClient::State::Connected; }, kWait);
    }
    void type(const QString &text, bool hex = false, SendBox::LineEnding ending = SendBox::LineEnding::Lf)
    {
        panel.sendBox()->setHexMode(hex);
        panel.sendBox()->setLineEnding(ending);
        panel.sendBox()->input()->setText(text);
    }
    Peer server;
    SavedStore store;
    ClientPanel panel;
    SavedMessagesDock dock;
};

} // namespace

class TestSavedDock : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(u"saved-%1.json"_s.arg(++m_files)); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(u"SocketeerTests"_s);
        QCoreApplication::setApplicationName(u"tst_saveddock"_s);
        qRegisterMetaType<SequenceRunner::Outcome>();
    }

    void saveThree_fromTheSendBox_persistInANewStore()
    {
        const QString path = freshPath();
        {
            Rig rig(path);
            rig.type(u"hello\\world"_s);
            QVERIFY(rig.dock.saveCurrentInput(u"hello"_s));
            rig.type(u"01 03 00 00"_s, true);
            QVERIFY(rig.dock.saveCurrentInput(u"read"_s, u"Modbus/Reads"_s));
            rig.type(u"你好"_s, false, SendBox::LineEnding::CrLf);
            QVERIFY(rig.dock.saveCurrentInput(u"greet"_s, u"中文"_s));
            QCOMPARE(rig.dock.tree()->topLevelItemCount(), 3);   // hello, Modbus, 中文
            QVERIFY(rig.dock.itemForMessage(1)->parent() && rig.dock.itemForMessage(1)->parent()->text(0) == u"Reads"_s);
            // A name taken is refused, nothing added.
            QVERIFY(!rig.dock.saveCurrentInput(u"hello"_s));
            QVERIFY2(rig.dock.statusText().contains(u"another message"_s), qPrintable(rig.dock.statusText()));
        }
        SavedStore again(path);   // what a restart reads
        QVERIFY(again.problem().isEmpty());
        QCOMPARE(again.library().messages.size(), 3);
        QCOMPARE(*savedMessageBytes(again.library().messages.at(0), TextEncoding::Utf8), QByteArray("hello\\world\n"));
        QCOMPARE(*savedMessageBytes(again.library().messages.at(1), TextEncoding::Utf8), QByteArray("\x01\x03\x00\x00", 4));
        QCOMPARE(*savedMessageBytes(again.library().messages.at(2), TextEncoding::Gbk), QByteArray("\xc4\xe3\xba\xc3\r\n"));
        QCOMPARE(again.library().messages.at(2).folder, u"中文"_s);
    }

    void saveDialog_namesTheMessage()
    {
        Rig rig(freshPath());
        rig.type(u"ping"_s);
        bool sawDialog = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<SavedMessageDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = true;
            QCOMPARE(dialog->textEdit()->text(), u"ping\\n"_s);
            dialog->nameEdit()->setText(u"my ping"_s);
            dialog->folderEdit()->setText(u"Tests"_s);
            dialog->accept();
        });
        rig.dock.saveFromSendBox();
        QVERIFY(sawDialog);
        QCOMPARE(rig.store.library().messages.size(), 1);
        QCOMPARE(rig.store.library().messages.first().name, u"my ping"_s);
        QCOMPARE(rig.store.library().messages.first().folder, u"Tests"_s);
    }

    void editDialog_renames_andSequencesFollow()
    {
        Rig rig(freshPath());
        SavedLibrary library;
        library.messages = {{u"old"_s, {}, SavedMessage::Format::Text, u"x"_s, {}}, {u"other"_s, {}, SavedMessage::Format::Text, u"y"_s, {}}};
        library.sequences = {{u"s"_s, {{SequenceStep::Kind::Send, u"old"_s, 0, {}, 0}}, 1, {}}};
        QVERIFY(rig.store.setLibrary(library).ok());
        bool sawDialog = false;
        bool okWhileTaken = true;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<SavedMessageDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            sawDialog = true;
            dialog->nameEdit()->setText(u"other"_s);   // taken: OK is off and it says why
            okWhileTaken = !dialog->problem().isEmpty() ? false : true;
            dialog->nameEdit()->setText(u"new"_s);
            dialog->textEdit()->setText(u"x\\\\q"_s);
            dialog->accept();
        });
        rig.dock.editMessage(0);
        QVERIFY(sawDialog);
        QVERIFY(!okWhileTaken);
        QCOMPARE(rig.store.library().messages.first().name, u"new"_s);
        QCOMPARE(rig.store.library().sequences.first().steps.first().message, u"new"_s);
        QCOMPARE(*savedMessageBytes(rig.store.library().messages.first(), TextEncoding::Utf8), QByteArray("x\\q"));
        QCOMPARE(SavedStore(rig.store.path()).library(), rig.store.library());   // and it was written
    }

    void doubleClick_sendsThroughThePanel_andTheEchoIsLogged()
    {
        Rig rig(freshPath());
        QVERIFY(rig.store.addMessage({u"hi"_s, u"F"_s, SavedMessage::Format::Text, u"saved hello\\n"_s, {}}).ok());
        rig.panel.show();
        rig.dock.show();
        // Not connected: nothing sent, and it says why.
        QVERIFY(!rig.dock.sendMessage(0));
        QVERIFY(rig.dock.statusText().contains(u"connect"_s));
        QVERIFY(rig.connectTo(u"tcp_echo_server.py"_s));
        QTreeWidgetItem *item = rig.dock.itemForMessage(0);
        QVERIFY(item);
        QVERIFY(QTest::qWaitForWindowExposed(&rig.dock));
        rig.dock.tree()->scrollToItem(item);
        const QRect rect = rig.dock.tree()->visualItemRect(item);
        QVERIFY(rect.isValid());
        QTest::mouseClick(rig.dock.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(rig.dock.tree()->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_VERIFY2_WITH_TIMEOUT(logText(rig.panel).count(u"saved hello"_s) >= 2, qPrintable(logText(rig.panel) + rig.dock.statusText()), kWait);
    }

    void ctrl1_inTheWindow_sendsTheFirstMessage()
    {
        Peer server;
        QVERIFY(server.startPython(u"tcp_echo_server.py"_s, {u"0"_s}));
        const quint16 port = server.readListeningPort();
        QVERIFY(port);
        Settings settings;
        settings.setInboxPort(0);
        settings.setInboxDirectory(m_dir.filePath(u"inbox"_s));
        MainWindow window(settings);
        SavedMessagesDock *dock = window.savedMessages();
        QVERIFY(dock);
        SavedLibrary library;
        library.messages = {{u"first"_s, {}, SavedMessage::Format::Text, u"by shortcut\\n"_s, {}},
                            {u"second"_s, {}, SavedMessage::Format::Text, u"not this\\n"_s, {}}};
        QVERIFY(dock->store()->setLibrary(library).ok());
        ClientPanel *panel = window.clientPanels().first();
        window.tabs()->setCurrentWidget(panel);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        panel->connectTo(u"127.0.0.1"_s, port);
        QTRY_COMPARE_WITH_TIMEOUT(panel->client()->state(), TcpClient::State::Connected, kWait);
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(logText(*panel).count(u"by shortcut"_s) >= 2, kWait);   // sent, and echoed
        QVERIFY(!logText(*panel).contains(u"not this"_s));
        dock->store()->setLibrary({});   // leave the test-mode data folder as found
    }

    void importExport_roundTrip_andABadFileChangesNothing()
    {
        Rig rig(freshPath());
        SavedLibrary library;
        library.messages = {{u"a"_s, u"X/Y"_s, SavedMessage::Format::Hex, u"41 42"_s, u"note"_s},
                            {u"b"_s, {}, SavedMessage::Format::Text, u"b\\r\\n"_s, {}}};
        library.sequences = {{u"s"_s, {{SequenceStep::Kind::Send, u"a"_s, 0, {}, 0}, {SequenceStep::Kind::Wait, {}, 0, u"ok"_s, 500}}, 2, {}}};
        QVERIFY(rig.store.setLibrary(library).ok());
        const QString exported = m_dir.filePath(u"export.json"_s);
        QVERIFY(rig.dock.exportFile(exported));

        Rig other(freshPath());
        QVERIFY(other.dock.importFile(exported));
        QCOMPARE(other.store.library(), library);
        QCOMPARE(other.dock.sequenceBox()->count(), 1);
        // Importing again keeps both, renamed, with the sequence following its renamed message.
        QVERIFY(other.dock.importFile(exported));
        QCOMPARE(other.store.library().messages.at(2).name, u"a (2)"_s);
        QCOMPARE(other.store.library().sequences.at(1).steps.first().message, u"a (2)"_s);

        const QString bad = m_dir.filePath(u"bad.json"_s);
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(serializeSavedLibrary(library).replace("\"41 42\"", "\"4G\""));
        file.close();
        const SavedLibrary before = other.store.library();
        QVERIFY(!other.dock.importFile(bad));
        QVERIFY2(other.dock.statusText().contains(u"messages[0] \"a\", text"_s), qPrintable(other.dock.statusText()));
        QCOMPARE(other.store.library(), before);
    }

    void deleteAndUndo_andReorderWithinAFolder()
    {
        Rig rig(freshPath());
        SavedLibrary library;
        library.messages = {{u"one"_s, u"F"_s, SavedMessage::Format::Text, u"1"_s, {}},
                            {u"top"_s, {}, SavedMessage::Format::Text, u"t"_s, {}},
                            {u"two"_s, u"F"_s, SavedMessage::Format::Text, u"2"_s, {}}};
        library.sequences = {{u"s"_s, {{SequenceStep::Kind::Send, u"top"_s, 0, {}, 0}}, 1, {}}};
        QVERIFY(rig.store.setLibrary(library).ok());
        QVERIFY(rig.dock.moveMessage(2, -1));   // past "top", which is in another folder
        QCOMPARE(rig.store.library().messages.at(0).name, u"two"_s);
        QVERIFY(!rig.dock.removeMessage(2));    // "top" is used by sequence s
        QVERIFY(rig.dock.statusText().contains(u"used by the sequence"_s));
        QVERIFY(rig.dock.removeMessage(0));
        QCOMPARE(rig.store.library().messages.size(), 2);
        QVERIFY(rig.dock.undoButton()->isVisibleTo(&rig.dock));
        rig.dock.undoButton()->click();
        QCOMPARE(rig.store.library().messages.size(), 3);
        QCOMPARE(rig.store.library().messages.at(0).name, u"two"_s);
        // The filter hides what does not match, and folders with nothing left.
        rig.dock.filter()->setText(u"top"_s);
        QVERIFY(!rig.dock.itemForMessage(2)->isHidden());   // "top"
        QVERIFY(rig.dock.itemForMessage(0)->isHidden());
        QVERIFY(rig.dock.itemForMessage(0)->parent()->isHidden());
    }

    // Macros expand at each send with the tab's counters: twice from the dock gives 0001 then
    // 0002 in the log (the echo too), and a sequence run on the same tab goes on from there.
    void counterMacro_countsPerSend_inTheLog()
    {
        Rig rig(freshPath());
        QVERIFY(rig.store.addMessage({u"read"_s, {}, SavedMessage::Format::Text, u"READ {{counter:width=4}}\\n"_s, {}}).ok());
        QVERIFY(rig.connectTo(u"tcp_echo_server.py"_s));
        QVERIFY(rig.dock.sendMessage(0));
        QTRY_VERIFY2_WITH_TIMEOUT(logText(rig.panel).count(u"READ 0001"_s) >= 2, qPrintable(logText(rig.panel)), kWait);
        QVERIFY(rig.dock.sendMessage(0));
        QTRY_VERIFY2_WITH_TIMEOUT(logText(rig.panel).count(u"READ 0002"_s) >= 2, qPrintable(logText(rig.panel)), kWait);
        const QString log = logText(rig.panel);
        QVERIFY(log.indexOf(u"READ 0001"_s) < log.indexOf(u"READ 0002"_s));
        QVERIFY(!log.contains(u"{{"_s));
        // A sequence on this tab shares its counter (and its start check does not take one).
        SavedLibrary library = rig.store.library();
        library.sequences = {{u"twice"_s, {SequenceStep{SequenceStep::Kind::Send, u"read"_s, 0, {}, 0},
                                           SequenceStep{SequenceStep::Kind::Wait, {}, 0, u"READ 0003"_s, kWait},
                                           SequenceStep{SequenceStep::Kind::Send, u"read"_s, 0, {}, 0},
                                           SequenceStep{SequenceStep::Kind::Wait, {}, 0, u"READ 0004"_s, kWait}}, 1, {}}};
        QVERIFY(rig.store.setLibrary(library).ok());
        QSignalSpy finished(rig.dock.runner(), &SequenceRunner::finished);
        QVERIFY(rig.dock.runSequence(u"twice"_s));
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Completed);
        // And a typed {{counter}} in the same tab goes on too.
        rig.type(u"READ {{counter:width=4}}"_s);
        QTest::keyClick(rig.panel.sendBox()->input(), Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(logText(rig.panel).count(u"READ 0005"_s) >= 2, qPrintable(logText(rig.panel)), kWait);
    }

    void badMacro_isRefusedWhenSaved_andOnImport()
    {
        Rig rig(freshPath());
        SavedMessageDialog dialog({u"oops"_s, {}, SavedMessage::Format::Text, u"READ {{countr}}"_s, {}}, {}, TextEncoding::Utf8);
        QVERIFY2(dialog.problem().contains(u"position 6: unknown macro \"{{countr}}\""_s), qPrintable(dialog.problem()));
        dialog.textEdit()->setText(u"READ {{counter}}"_s);
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        dialog.textEdit()->setText(u"READ {{file:/no/such/file}}"_s);   // read at send time, not now
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        QVERIFY(!rig.store.addMessage({u"oops"_s, {}, SavedMessage::Format::Text, u"{{hex:4}}"_s, {}}).ok());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bad.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"socketeer-saved\", \"version\": 1, \"messages\": [{\"name\": \"m\", \"text\": \"x {{date:}}\"}]}");
        file.close();
        QVERIFY(!rig.dock.importFile(path));
        QVERIFY2(rig.dock.statusText().contains(u"messages[0] \"m\", text: position 3"_s), qPrintable(rig.dock.statusText()));
        QVERIFY(rig.store.library().messages.isEmpty());
    }

    void sequence_runsAgainstAReplyServer_withProgress()
    {
        Rig rig(freshPath());
        SavedLibrary library;
        library.messages = {{u"one"_s, {}, SavedMessage::Format::Text, u"one\\n"_s, {}},
                            {u"two"_s, {}, SavedMessage::Format::Text, u"two\\n"_s, {}},
                            {u"three"_s, {}, SavedMessage::Format::Text, u"three\\n"_s, {}},
                            {u"quiet"_s, {}, SavedMessage::Format::Text, u"quiet\\n"_s, {}}};
        const auto send = [](const QString &m) { return SequenceStep{SequenceStep::Kind::Send, m, 0, {}, 0}; };
        const auto wait = [](const QString &p, int ms) { return SequenceStep{SequenceStep::Kind::Wait, {}, 0, p, ms}; };
        library.sequences = {{u"three"_s, {send(u"one"_s), wait(u"^ACK one$"_s, kWait), send(u"two"_s), wait(u"^ACK two$"_s, kWait), send(u"three"_s), wait(u"^ACK three$"_s, kWait)}, 2, {}},
                             {u"silent"_s, {send(u"quiet"_s), wait(u"ACK"_s, 200)}, 1, {}},
                             {u"forever"_s, {send(u"one"_s), wait(u"ACK one"_s, kWait)}, 0, {}}};
        QVERIFY(rig.store.setLibrary(library).ok());
        QVERIFY(rig.connectTo(u"tcp_reply_server.py"_s));
        rig.dock.show();

        QSignalSpy finished(rig.dock.runner(), &SequenceRunner::finished);
        QSignalSpy progress(rig.dock.runner(), &SequenceRunner::progressChanged);
        rig.dock.sequenceBox()->setCurrentIndex(0);
        rig.dock.runButton()->click();
        QVERIFY(rig.dock.runner()->isRunning());
        QCOMPARE(rig.dock.runButton()->text(), u"Sto&p"_s);
        QVERIFY(finished.wait(kWait));
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Completed);
        QCOMPARE(progress.size(), 12);
        QCOMPARE(rig.dock.progressBar()->value(), rig.dock.progressBar()->maximum());
        QCOMPARE(rig.dock.progressBar()->maximum(), 12);
        QVERIFY(rig.dock.progressBar()->format().contains(u"round 2 of 2"_s));
        QVERIFY(rig.dock.statusText().contains(u"completed"_s));
        QCOMPARE(rig.dock.runButton()->text(), u"&Run"_s);
        QTRY_COMPARE_WITH_TIMEOUT(logText(rig.panel).count(u"ACK three"_s), 2, kWait);   // the replies are in the panel's log
        for (int round = 0; round < 2; ++round)
            for (const QByteArray line : {"got one", "got two", "got three"})
                QCOMPARE(rig.server.readLine(kWait), line);

        // A reply that never comes: a clear failure in the dock.
        finished.clear();
        rig.dock.sequenceBox()->setCurrentIndex(1);
        rig.dock.runButton()->click();
        QVERIFY(finished.wait(kWait));
        QVERIFY2(rig.dock.statusText().contains(u"failed: Step 2: no reply matching \"ACK\" within 200 ms"_s), qPrintable(rig.dock.statusText()));

        // Until stopped: Stop ends it.
        finished.clear();
        rig.dock.sequenceBox()->setCurrentIndex(2);
        rig.dock.runButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(rig.dock.runner()->currentRound() >= 3, kWait);
        rig.dock.runButton()->click();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<SequenceRunner::Outcome>(), SequenceRunner::Outcome::Stopped);
        QVERIFY(rig.dock.statusText().contains(u"stopped"_s));
    }

    void sequenceDialog_buildsSteps()
    {
        SequenceDialog dialog({}, {u"a"_s, u"b"_s}, {u"taken"_s});
        dialog.nameEdit()->setText(u"taken"_s);
        dialog.kindBox()->setCurrentIndex(0);
        dialog.messageBox()->setCurrentIndex(1);
        dialog.addStep();
        dialog.kindBox()->setCurrentIndex(1);
        dialog.delayBox()->setValue(250);
        dialog.addStep();
        dialog.kindBox()->setCurrentIndex(2);
        dialog.patternEdit()->setText(u"("_s);   // not a regex: refused
        dialog.addStep();
        QCOMPARE(dialog.stepList()->count(), 2);
        dialog.patternEdit()->setText(u"^OK"_s);
        dialog.timeoutBox()->setValue(1500);
        dialog.addStep();
        dialog.repeatBox()->setValue(0);
        dialog.nameEdit()->setText(u"mine"_s);
        const Sequence sequence = dialog.sequence();
        QCOMPARE(sequence.name, u"mine"_s);
        QCOMPARE(sequence.repeat, 0);
        QCOMPARE(sequence.steps.size(), 3);
        QCOMPARE(sequence.steps.at(0).message, u"b"_s);
        QCOMPARE(sequence.steps.at(1).delayMs, 250);
        QCOMPARE(sequence.steps.at(2).pattern, u"^OK"_s);
        QCOMPARE(sequence.steps.at(2).timeoutMs, 1500);
    }

    void corruptLibrary_isKeptAsideAndShown()
    {
        const QString path = freshPath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"socketeer-saved\", \"version\": 1, \"messages\": [{\"name\": 1}]}");
        file.close();
        SavedStore store(path);
        SavedMessagesDock dock(&store);
        QVERIFY2(dock.statusText().contains(u"could not be read"_s) && dock.statusText().contains(u"messages[0], name"_s)
                     && dock.statusText().contains(u".corrupt-"_s),
                 qPrintable(dock.statusText()));
        QVERIFY(store.isWritable());
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestSavedDock)
#include "tst_saveddock.moc"
