// The opening sequences of core/net/open.h against the kernel's own listeners. Finding 10 of
// issue 9: the connect timeout is one deadline for all the addresses a name resolves to, not one
// each: a name with four silent addresses and a 3 s timeout gives up after about 3 s, not 12.

#include "peer.h"

#include "net/open.h"
#include "net/wakeup.h"

#include <QElapsedTimer>
#include <QTest>

using namespace socketeer;
using namespace std::chrono_literals;
using testsupport::Peer;

class TestOpen : public QObject {
    Q_OBJECT

    // Starts tcp_full_backlog.py with `count` listeners that answer no connection.
    static std::vector<SocketAddress> silentAddresses(Peer &peer, int count)
    {
        std::vector<SocketAddress> addresses;
        if (!peer.startPython(QStringLiteral("tcp_full_backlog.py"), {QString::number(count)}))
            return addresses;
        bool ok = false;
        const QList<QByteArray> words = peer.readLine(10000, &ok).split(' ');
        if (!ok || words.size() != count + 2)
            return addresses;
        for (int i = 2; i < words.size(); ++i) {
            auto address = SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), static_cast<quint16>(words.at(i).toUShort()));
            if (address)
                addresses.push_back(*address);
        }
        return addresses;
    }

private slots:
    void connectToAny_oneDeadlineForEveryAddress()
    {
        constexpr int kAddresses = 4;
        constexpr auto kTimeout = 3s;
        Peer peer;
        const std::vector<SocketAddress> addresses = silentAddresses(peer, kAddresses);
        QCOMPARE(int(addresses.size()), kAddresses);

        QElapsedTimer elapsed;
        elapsed.start();
        const auto connected = connectToAny(addresses, kTimeout, nullptr);
        const qint64 took = elapsed.elapsed();
        QVERIFY(!connected.ok());
        QCOMPARE(connected.error().kind, ErrorKind::Timeout);
        QCOMPARE(connected.error().code, std::error_code(ETIMEDOUT, std::system_category()));
        // One timeout, not four: a generous bound halfway between (a loaded machine may be late,
        // never early by a whole timeout per address).
        QVERIFY2(took < 2 * std::chrono::milliseconds(kTimeout).count(), qPrintable(QString::number(took)));
        QVERIFY2(took >= std::chrono::milliseconds(kTimeout).count() - 50, qPrintable(QString::number(took)));
        peer.closeWrite();
    }

    void connectToAny_laterAddressStillTriedWhenTheFirstFailsFast()
    {
        // A refused address costs nothing of the deadline: the next one, listening, is reached.
        auto listener = listenOn({QStringLiteral("127.0.0.1"), 0, {}}, 8, false);
        QVERIFY(listener.ok());
        auto bound = listener->sockName();
        QVERIFY(bound.ok());
        // A port with nothing on it: bound, never listened (connect is refused at once).
        auto closed = Socket::create(AF_INET, SocketType::Stream, false);
        QVERIFY(closed.ok());
        QVERIFY(closed->bind(*SocketAddress::fromLiteral(QStringLiteral("127.0.0.1"), 0)).ok());
        const std::vector<SocketAddress> list{*closed->sockName(), *bound};
        auto connected = connectToAny(list, 5s, nullptr);
        QVERIFY2(connected.ok(), qPrintable(connected.ok() ? QString() : connected.error().message()));
    }

    void connectToAny_cancelEndsTheWaitAtOnce()
    {
        Peer peer;
        const std::vector<SocketAddress> addresses = silentAddresses(peer, 3);
        QCOMPARE(int(addresses.size()), 3);
        auto cancel = Wakeup::create();
        QVERIFY(cancel.ok());
        cancel->signal();   // already signalled: nothing is waited for
        const auto connected = connectToAny(addresses, 60s, &*cancel);
        QVERIFY(!connected.ok());
        QCOMPARE(connected.error().code, std::error_code(ECANCELED, std::system_category()));
        peer.closeWrite();
    }
};

QTEST_GUILESS_MAIN(TestOpen)
#include "tst_open.moc"
