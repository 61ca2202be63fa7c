#pragma once
// What the compose window shows when a server's certificate cannot be verified: who it names,
// who signed it, when it is valid, its SHA-256 fingerprint and what is wrong with it — and a
// choice to trust exactly this certificate for this server, or not.

#include <QMessageBox>

namespace socketeer {
struct TlsCertificateInfo;
}

namespace socketeer::ui {

class CertificateDialog final : public QMessageBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateDialog)
public:
    // What trusting it lets happen next: the compose window sends, a client panel connects.
    enum class Then { Send, Connect };
    CertificateDialog(const QString &server, const TlsCertificateInfo &certificate, QWidget *parent = nullptr, Then then = Then::Send);
    QAbstractButton *trustButton() const { return m_trust; }
    bool trusted() const { return clickedButton() == m_trust; }

private:
    QAbstractButton *m_trust;
};

} // namespace socketeer::ui
