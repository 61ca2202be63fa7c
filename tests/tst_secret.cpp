// A Secret cannot be formatted by accident: no conversion to text, and what QDebug prints of it
// is ********, whatever it holds (ARCHITECTURE.md, "Secrets cannot be formatted by accident").

#include "text/secret.h"

#include <QTest>

#include <type_traits>

using namespace socketeer;

// What the compiler refuses is the real guarantee: arg(), +, QDebug of the value never see it.
static_assert(!std::is_convertible_v<Secret, QString>);
static_assert(!std::is_constructible_v<QString, Secret>);
static_assert(!std::is_convertible_v<Secret, QByteArray>);
static_assert(std::is_convertible_v<QString, Secret>);   // taking one in is harmless

class TestSecret : public QObject {
    Q_OBJECT

private slots:
    void onlyTextFormIsStars()
    {
        const Secret secret(QStringLiteral("abcdEFGH1234authcode"));
        QString logged;
        QDebug(&logged) << secret;
        QCOMPARE(logged.trimmed(), QStringLiteral("\"********\""));
        QCOMPARE(Secret::shown(), QStringLiteral("********"));
        QCOMPARE(secret.reveal(), QStringLiteral("abcdEFGH1234authcode"));
        QVERIFY(!secret.isEmpty());
        QVERIFY(Secret().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecret)
#include "tst_secret.moc"
