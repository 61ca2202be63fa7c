#pragma once
// The server side's Security choice, for the TCP server panel (and the inbox later): no TLS, TLS
// with the development certificate (made on first use for localhost, 127.0.0.1 and ::1, so a
// newcomer needs no openssl command), or TLS with the user's own certificate and key files.

#include "net/error.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace socketeer {
class TlsContext;
}

namespace socketeer::ui {

class TlsServerFields final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsServerFields)
public:
    enum class Mode { None, DevelopmentCertificate, CertificateFiles };

    explicit TlsServerFields(QWidget *parent = nullptr);
    ~TlsServerFields() override;

    Mode mode() const;
    void setMode(Mode mode);
    QComboBox *securityCombo() const { return m_security; }
    QLineEdit *certificateEdit() const { return m_certificate; }
    QLineEdit *keyEdit() const { return m_key; }

    // The context the choice asks for: null for no TLS; the development certificate is made (or
    // reused) here; files are read and checked here, an error naming the file and what is wrong.
    Result<std::shared_ptr<const TlsContext>> makeContext() const;

signals:
    void modeChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateVisibility();
    void browse(QLineEdit *edit, const QString &title);

    QComboBox *m_security;
    QLineEdit *m_certificate;
    QPushButton *m_browseCertificate;
    QLineEdit *m_key;
    QPushButton *m_browseKey;
};

} // namespace socketeer::ui
