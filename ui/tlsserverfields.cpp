#include "tlsserverfields.h"

#include "fieldmemory.h"

#include "tls/devcert.h"
#include "tls/tlscontext.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace socketeer::ui {

TlsServerFields::TlsServerFields(QWidget *parent)
    : QWidget(parent),
      m_security(new QComboBox(this)),
      m_certificate(new QLineEdit(this)),
      m_browseCertificate(new QPushButton(this)),
      m_key(new QLineEdit(this)),
      m_browseKey(new QPushButton(this))
{
    m_security->setObjectName(QStringLiteral("tlsSecurity"));
    m_certificate->setObjectName(QStringLiteral("tlsCertificateFile"));
    m_certificate->setAccessibleName(tr("Certificate file"));
    m_key->setObjectName(QStringLiteral("tlsKeyFile"));
    m_key->setAccessibleName(tr("Private key file"));
    m_browseCertificate->setObjectName(QStringLiteral("tlsBrowseCertificate"));
    m_browseCertificate->setToolTip(tr("Choose the certificate file (PEM) the server shows its clients"));
    m_browseKey->setObjectName(QStringLiteral("tlsBrowseKey"));
    m_browseKey->setToolTip(tr("Choose the private key file (PEM) that belongs to the certificate"));
    for (int i = 0; i < 3; ++i)
        m_security->addItem(QString(), i);
    retranslate();
    // The paths and the choice are remembered; the key's contents never leave its file.
    for (QWidget *field : std::initializer_list<QWidget *>{m_security, m_certificate, m_key})
        rememberField(field);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("Security"), this);
    label->setBuddy(m_security);
    layout->addWidget(label);
    layout->addWidget(m_security);
    layout->addWidget(m_certificate, 1);
    layout->addWidget(m_browseCertificate);
    layout->addWidget(m_key, 1);
    layout->addWidget(m_browseKey);
    layout->addStretch();

    connect(m_security, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emit modeChanged();
    });
    connect(m_browseCertificate, &QPushButton::clicked, this, [this] { browse(m_certificate, tr("Certificate (PEM)")); });
    connect(m_browseKey, &QPushButton::clicked, this, [this] { browse(m_key, tr("Private key (PEM)")); });
    updateVisibility();
}

TlsServerFields::~TlsServerFields() = default;

TlsServerFields::Mode TlsServerFields::mode() const
{
    return static_cast<Mode>(m_security->currentData().toInt());
}

void TlsServerFields::setMode(Mode mode)
{
    m_security->setCurrentIndex(m_security->findData(static_cast<int>(mode)));
}

Result<std::shared_ptr<const TlsContext>> TlsServerFields::makeContext() const
{
    switch (mode()) {
    case Mode::None:
        return std::shared_ptr<const TlsContext>();
    case Mode::DevelopmentCertificate: {
        auto made = ensureDevCertificate(defaultDevCertificateFolder());
        if (!made)
            return made.error();
        return TlsContext::server(made->certificateFile, made->keyFile);
    }
    case Mode::CertificateFiles:
        if (m_certificate->text().trimmed().isEmpty() || m_key->text().trimmed().isEmpty())
            return Error{ErrorKind::InvalidArgument, {}, tr("Choose a certificate file and its private key file (PEM)."), true};
        return TlsContext::server(m_certificate->text().trimmed(), m_key->text().trimmed());
    }
    return std::shared_ptr<const TlsContext>();
}

void TlsServerFields::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TlsServerFields::retranslate()
{
    m_security->setItemText(0, tr("None (plain TCP)"));
    m_security->setItemText(1, tr("TLS, development certificate"));
    m_security->setItemText(2, tr("TLS, my certificate"));
    m_security->setToolTip(tr("TLS encrypts every connection. The development certificate is made on first use for "
                              "localhost, 127.0.0.1 and ::1; a client must trust it once (by its SHA-256 fingerprint)."));
    m_certificate->setPlaceholderText(tr("certificate.pem"));
    m_key->setPlaceholderText(tr("key.pem"));
    m_browseCertificate->setText(tr("Certificate…"));
    m_browseKey->setText(tr("Key…"));
}

void TlsServerFields::updateVisibility()
{
    const bool files = mode() == Mode::CertificateFiles;
    for (QWidget *w : std::initializer_list<QWidget *>{m_certificate, m_browseCertificate, m_key, m_browseKey})
        w->setVisible(files);
}

void TlsServerFields::browse(QLineEdit *edit, const QString &title)
{
    const QString path = QFileDialog::getOpenFileName(this, title, edit->text(), tr("PEM files (*.pem *.crt *.key);;All files (*)"));
    if (!path.isEmpty())
        edit->setText(path);
}

} // namespace socketeer::ui
