#include "certificatedialog.h"

#include "net/certificateinfo.h"
#include "text/timetext.h"

#include <QLocale>
#include <QPushButton>

namespace socketeer::ui {

namespace {

// When it is valid, in the reader's own time zone with that zone named (QSslCertificate's dates
// are UTC: shown as they are, they were hours off for everyone east or west of Greenwich), and
// the same two instants in UTC below, as the server's owner and openssl x509 give them.
QString validity(const TlsCertificateInfo &certificate)
{
    const QString local = CertificateDialog::tr("%1 to %2").arg(localDateTimeText(certificate.notBefore, QLocale::ShortFormat),
                                                               localDateTimeText(certificate.notAfter, QLocale::ShortFormat));
    const QString utc = CertificateDialog::tr("%1 to %2").arg(utcTimestampText(certificate.notBefore), utcTimestampText(certificate.notAfter));
    QString cell = local.toHtmlEscaped();
    if (certificate.notBefore.toLocalTime().offsetFromUtc() != 0 || certificate.notAfter.toLocalTime().offsetFromUtc() != 0)
        cell += QStringLiteral("<br><small>%1</small>").arg(utc.toHtmlEscaped());
    return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>").arg(CertificateDialog::tr("Valid"), cell);
}

} // namespace

CertificateDialog::CertificateDialog(const QString &server, const TlsCertificateInfo &certificate, QWidget *parent, Then then)
    : QMessageBox(QMessageBox::Warning, tr("Certificate not verified"), {}, QMessageBox::NoButton, parent)
{
    setObjectName(QStringLiteral("certificateDialog"));
    setText(tr("<b>The certificate of %1 could not be verified.</b><br>Nothing was sent. Someone may be "
               "impersonating the server — or it is a private server with its own certificate.")
                .arg(server.toHtmlEscaped()));
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>").arg(label, value.toHtmlEscaped());
    };
    QString fingerprint = certificate.sha256;
    // Two lines of 16 bytes: readable aloud, comparable with what the server's owner gives you.
    if (fingerprint.size() > 48)
        fingerprint.insert(48, u'\n');
    setInformativeText(QStringLiteral("<table>") + row(tr("Issued to"), certificate.subject) +
                       row(tr("Issued by"), certificate.issuer) +
                       (certificate.names.isEmpty() ? QString() : row(tr("Valid for"), certificate.names.join(QStringLiteral(", ")))) +
                       validity(certificate) +
                       QStringLiteral("<tr><td><b>%1</b></td><td><tt>%2</tt></td></tr>")
                           .arg(tr("SHA-256"), fingerprint.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"))) +
                       row(tr("Problem"), certificate.problems.join(QStringLiteral("; "))) + QStringLiteral("</table><p>") +
                       tr("Trust it only if you know this is your server's certificate (compare the fingerprint). "
                          "The decision is remembered for this server and this certificate only.") +
                       QStringLiteral("</p>"));
    setDetailedText(QString::fromLatin1(certificate.pem));
    const bool send = then == Then::Send;
    m_trust = addButton(send ? tr("&Trust this certificate and send") : tr("&Trust this certificate and connect"), QMessageBox::AcceptRole);
    m_trust->setObjectName(QStringLiteral("trustButton"));
    setDefaultButton(addButton(send ? tr("Do &not send") : tr("Do &not connect"), QMessageBox::RejectRole));
}

} // namespace socketeer::ui
