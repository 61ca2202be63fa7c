#include "composewindow.h"

#include "addressinputs.h"
#include "attachmentlist.h"
#include "certificatedialog.h"
#include "codedock.h"
#include "fieldmemory.h"
#include "maildraft.h"
#include "mailpresets.h"
#include "settings.h"
#include "taborder.h"
#include "theme.h"

#include "mail/mailaddress.h"
#include "mail/mailmessage.h"
#include "mail/mailsender.h"
#include "mail/smtpsession.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QTextDocument>

namespace socketeer::ui {

namespace {

constexpr char kAttachmentsKey[] = "attachments";

template <typename Widget>
Widget *remembered(Widget *widget, const char *name)
{
    widget->setObjectName(QLatin1String(name));
    rememberField(widget);
    return widget;
}

// base64 makes 4 of every 3 bytes and a CRLF every 76 characters; headers and part boundaries
// add a little. Only for the progress bar while the server has not made us measure the message.
qint64 encodedSize(qint64 bytes) { return (bytes + 2) / 3 * 4 * 78 / 76 + 400; }

} // namespace

ComposeWindow::ComposeWindow(Settings &settings, const QString &draftPath, QWidget *parent)
    : QWidget(parent, Qt::Window),
      m_settings(settings),
      m_draft(std::make_unique<MailDraftStore>(draftPath.isEmpty() ? MailDraftStore::defaultPath() : draftPath)),
      m_sender(new MailSender(this)),
      m_draftTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("composeWindow"));
    setWindowTitle(tr("Compose mail — Socketeer"));
    setAcceptDrops(true);
    resize(1180, 780);

    auto *compose = new QWidget;
    auto *composeLayout = new QVBoxLayout(compose);
    composeLayout->setContentsMargins(0, 0, 0, 0);
    composeLayout->addWidget(createAccountBox());
    composeLayout->addWidget(createMessageBox(), 1);
    composeLayout->addWidget(createAttachmentBox());

    auto *transcriptBox = new QGroupBox(tr("SMTP dialogue"));
    transcriptBox->setObjectName(QStringLiteral("transcriptBox"));
    auto *transcriptLayout = new QVBoxLayout(transcriptBox);
    m_transcript = new QPlainTextEdit;
    m_transcript->setObjectName(QStringLiteral("transcript"));
    m_transcript->setToolTip(tr("Every SMTP command and reply of the last send, passwords hidden"));
    m_transcript->setReadOnly(true);
    m_transcript->setMaximumBlockCount(5000);
    m_transcript->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_transcript->setPlaceholderText(tr("What the client (C:) and the server (S:) say appears here when you send. "
                                        "Passwords are shown as ********."));
    transcriptLayout->addWidget(m_transcript);

    // The code view is a third pane, not a floating window: the program is read beside the fields
    // it is made from, and changes as they are typed.
    m_code = new CodeDock;
    m_code->setObjectName(QStringLiteral("composeCode"));
    m_code->setFeatures(QDockWidget::NoDockWidgetFeatures);
    m_code->setVisible(false);
    m_code->setSettingsProvider([this]() -> std::optional<Result<CodeSettings>> { return codeSettings(); });

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(compose);
    splitter->addWidget(transcriptBox);
    splitter->addWidget(m_code);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));
    // Server and peer words ("550 <h1>…") are text, never markup: a QLabel would guess HTML.
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);   // shown from Send on
    m_send = new QPushButton(tr("&Send"));
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send the mail now"));
    m_send->setDefault(true);
    m_cancel = new QPushButton(tr("&Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setToolTip(tr("Stop sending this mail"));
    m_cancel->setEnabled(false);
    m_codeButton = new QPushButton(tr("C&ode"));
    m_codeButton->setObjectName(QStringLiteral("codeButton"));
    m_codeButton->setCheckable(true);
    m_codeButton->setShortcut(QKeySequence(Qt::Key_F7));
    m_codeButton->setToolTip(tr("Show the program, in Python or C, that sends this mail (F7)"));
    connect(m_codeButton, &QPushButton::toggled, m_code, &QWidget::setVisible);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_codeButton);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_send);
    bottom->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(m_send, &QPushButton::clicked, this, &ComposeWindow::send);
    connect(m_cancel, &QPushButton::clicked, this, &ComposeWindow::cancel);
    connect(m_sender, &MailSender::transcriptLine, this, &ComposeWindow::showTranscriptLine);
    connect(m_sender, &MailSender::progress, this, &ComposeWindow::showProgress);
    connect(m_sender, &MailSender::finished, this, &ComposeWindow::finish);

    // The draft: written a moment after the last change, so typing is not slowed by the disk.
    m_draftTimer->setSingleShot(true);
    m_draftTimer->setInterval(300);
    connect(m_draftTimer, &QTimer::timeout, this, &ComposeWindow::saveDraft);
    for (QLineEdit *line : findChildren<QLineEdit *>())
        if (line != m_password)
            connect(line, &QLineEdit::textChanged, this, &ComposeWindow::scheduleDraftSave);
    for (QComboBox *combo : findChildren<QComboBox *>())
        connect(combo, &QComboBox::currentIndexChanged, this, &ComposeWindow::scheduleDraftSave);
    connect(m_port, &QSpinBox::valueChanged, this, &ComposeWindow::scheduleDraftSave);
    connect(m_allowClear, &QCheckBox::toggled, this, &ComposeWindow::scheduleDraftSave);
    connect(m_body, &QPlainTextEdit::textChanged, this, &ComposeWindow::scheduleDraftSave);
    connect(m_attachments, &AttachmentList::filesChanged, this, &ComposeWindow::scheduleDraftSave);

    for (QLineEdit *line : findChildren<QLineEdit *>())
        connect(line, &QLineEdit::textChanged, this, &ComposeWindow::validate);
    connect(m_attachments, &AttachmentList::filesChanged, this, &ComposeWindow::validate);
    connect(m_attachments, &AttachmentList::filesChanged, this, &ComposeWindow::updateTotal);

    restoreDraft();
    validate();
    updateTotal();
    setTabOrderFromLayout(this);
}

ComposeWindow::~ComposeWindow()
{
    if (m_draftTimer->isActive())
        saveDraft();
}

QWidget *ComposeWindow::createAccountBox()
{
    auto *box = new QGroupBox(tr("Account"));
    box->setObjectName(QStringLiteral("accountBox"));
    m_preset = remembered(new QComboBox, "preset");
    m_preset->setToolTip(tr("The mail account: the local inbox needs none"));
    for (const MailPreset &preset : mailPresets())
        m_preset->addItem(preset.displayName(), preset.id);
    m_presetNote = new QLabel;
    m_presetNote->setObjectName(QStringLiteral("presetNote"));
    m_presetNote->setWordWrap(true);
    m_presetNote->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_host = remembered(new HostEdit, "host");
    m_host->setPlaceholderText(tr("smtp.example.com"));
    m_port = remembered(new QSpinBox, "port");
    m_port->setAccessibleName(tr("Port"));
    m_port->setToolTip(tr("The mail server's port: 25 or 587 for STARTTLS, 465 for TLS"));
    m_port->setRange(1, 65535);
    m_port->setValue(587);
    m_security = remembered(new QComboBox, "security");
    m_security->addItem(tr("STARTTLS"), QStringLiteral("starttls"));
    m_security->addItem(tr("SSL/TLS"), QStringLiteral("tls"));
    m_security->addItem(tr("None (unencrypted)"), QStringLiteral("none"));
    m_security->setToolTip(tr("STARTTLS: plain connection upgraded to TLS (port 587). SSL/TLS: TLS from the first "
                              "byte (port 465). None: only for servers on this machine or a lab network."));
    m_user = remembered(new QLineEdit, "user");
    m_user->setPlaceholderText(tr("usually your mail address; empty: no login"));
    // The password is never remembered on disk: not in the draft, not in the settings.
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("password or authorization code"));
    m_password->setToolTip(tr("Kept in memory while Socketeer runs, never written to disk."));
    m_authMethod = remembered(new QComboBox, "authMethod");
    m_authMethod->setToolTip(tr("How to log in to the mail server: the strongest both sides know, or one chosen"));
    m_authMethod->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_authMethod->addItem(QStringLiteral("PLAIN"), QStringLiteral("plain"));
    m_authMethod->addItem(QStringLiteral("LOGIN"), QStringLiteral("login"));
    m_authMethod->addItem(tr("XOAUTH2 (token)"), QStringLiteral("xoauth2"));
    m_caFile = remembered(new QLineEdit, "caFile");
    m_caFile->setPlaceholderText(tr("optional: a PEM file of your private CA"));
    auto *browse = new QPushButton(tr("Browse…"));
    browse->setToolTip(tr("Choose a file of CA certificates to trust for this server"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("CA certificates"), {}, tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    m_allowClear = remembered(new QCheckBox(tr("Allow login without encryption")), "allowClear");
    m_allowClear->setToolTip(tr("Only for a lab server you trust: the password crosses the network readable by anyone "
                                "on the way. Servers on this machine never need it."));

    auto *server = new QHBoxLayout;
    server->addWidget(m_host, 1);
    server->addWidget(new QLabel(tr("Port")));
    server->addWidget(m_port);
    server->addWidget(new QLabel(tr("Security")));
    server->addWidget(m_security);
    auto *login = new QHBoxLayout;
    login->addWidget(m_user, 1);
    login->addWidget(new QLabel(tr("Password")));
    login->addWidget(m_password, 1);
    login->addWidget(m_authMethod);
    auto *ca = new QHBoxLayout;
    ca->addWidget(m_caFile, 1);
    ca->addWidget(browse);
    ca->addWidget(m_allowClear);

    auto *form = new QFormLayout(box);
    form->addRow(tr("Provider"), m_preset);
    form->addRow(QString(), m_presetNote);
    form->addRow(tr("Server"), server);
    form->addRow(tr("User"), login);
    form->addRow(tr("CA file"), ca);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &ComposeWindow::applyPreset);
    // Typing another server turns the preset into "Other server": the fields say what is used.
    connect(m_host, &QLineEdit::textEdited, this, [this] {
        const MailPreset *preset = findMailPreset(m_preset->currentData().toString());
        if (preset && preset->id != QLatin1String("custom") && m_host->text() != preset->host) {
            QSignalBlocker blocker(m_preset);
            m_preset->setCurrentIndex(0);
            m_presetNote->setText(mailPresets().first().note());
            updateLoginFields();
        }
    });
    m_presetNote->setText(mailPresets().first().note());
    return box;
}

QWidget *ComposeWindow::createMessageBox()
{
    auto *box = new QGroupBox(tr("Message"));
    m_from = remembered(new QLineEdit, "from");
    m_from->setPlaceholderText(tr("王大锤 <you@example.com>"));
    m_to = remembered(new QLineEdit, "to");
    m_to->setPlaceholderText(tr("one or more addresses, separated by commas"));
    m_cc = remembered(new QLineEdit, "cc");
    m_cc->setToolTip(tr("More recipients, who see each other"));
    m_bcc = remembered(new QLineEdit, "bcc");
    m_bcc->setToolTip(tr("Blind copies: they receive the mail, but no one sees their addresses (no Bcc header is sent)."));
    m_subject = remembered(new QLineEdit, "subject");
    m_subject->setToolTip(tr("The subject line of the mail"));
    m_body = remembered(new QPlainTextEdit, "body");
    m_body->setToolTip(tr("The text of the mail"));
    m_body->setPlaceholderText(tr("The message, as plain text (sent as UTF-8)."));
    m_body->setTabChangesFocus(true);

    auto *form = new QFormLayout;
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    form->addRow(tr("Cc"), m_cc);
    form->addRow(tr("Bcc"), m_bcc);
    form->addRow(tr("Subject"), m_subject);
    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(m_body, 1);   // the body takes whatever height there is
    return box;
}

QWidget *ComposeWindow::createAttachmentBox()
{
    auto *box = new QGroupBox(tr("Attachments"));
    m_attachments = new AttachmentList;
    m_attachments->setMinimumHeight(80);
    m_attachments->setMaximumHeight(130);
    m_attachments->setToolTip(tr("Drop files anywhere on this window to attach them."));
    auto *add = new QPushButton(tr("&Attach…"));
    add->setObjectName(QStringLiteral("attachButton"));
    add->setToolTip(tr("Add files to the mail"));
    auto *remove = new QPushButton(tr("&Remove"));
    remove->setObjectName(QStringLiteral("removeButton"));
    remove->setToolTip(tr("Remove the selected attachment"));
    m_total = new QLabel;
    m_total->setObjectName(QStringLiteral("attachmentTotal"));
    connect(add, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Attach files"));
        if (!files.isEmpty())
            attachFiles(files);
    });
    connect(remove, &QPushButton::clicked, m_attachments, &AttachmentList::removeSelected);
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    buttons->addWidget(m_total);
    auto *layout = new QHBoxLayout(box);
    layout->addWidget(m_attachments, 1);
    layout->addLayout(buttons);
    return box;
}

void ComposeWindow::applyPreset()
{
    const MailPreset *preset = findMailPreset(m_preset->currentData().toString());
    if (!preset)
        return;
    m_presetNote->setText(presetNote(*preset));
    updateLoginFields();
    if (preset->id == QLatin1String("custom") || m_restoring)
        return;
    m_host->setText(preset->host);
    const bool local = preset->id == QLatin1String("local");
    m_port->setValue(local && m_localInbox.port != 0 ? m_localInbox.port : preset->port);
    const SmtpSecurity wanted = local && m_localInbox.startTls ? SmtpSecurity::StartTls : preset->security;
    const char *security = wanted == SmtpSecurity::Tls ? "tls" : wanted == SmtpSecurity::StartTls ? "starttls" : "none";
    m_security->setCurrentIndex(m_security->findData(QLatin1String(security)));
    m_authMethod->setCurrentIndex(m_authMethod->findData(preset->authMethod == SmtpAuthMethod::XOAuth2 ? QStringLiteral("xoauth2")
                                                                                                       : QStringLiteral("auto")));
}

void ComposeWindow::attachFiles(const QStringList &paths)
{
    const QStringList problems = m_attachments->addFiles(paths);
    if (!problems.isEmpty())
        showStatus(problems.join(QLatin1Char('\n')), theme::colour(theme::Role::Error).name());
}

void ComposeWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && !isSending())
        event->acceptProposedAction();
}

void ComposeWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    if (paths.isEmpty())
        return;
    attachFiles(paths);
    event->acceptProposedAction();
}

void ComposeWindow::updateTotal()
{
    const int count = m_attachments->topLevelItemCount();
    m_total->setText(count == 0 ? tr("No attachments")
                                : tr("%n file(s), %1", nullptr, count).arg(QLocale().formattedDataSize(m_attachments->totalBytes())));
}

bool ComposeWindow::buildMessage(MailMessage *message, QString *problem) const
{
    auto from = parseMailAddress(m_from->text().trimmed());
    if (m_from->text().trimmed().isEmpty()) {
        *problem = tr("From: give your address, such as 王大锤 <you@example.com>");
        return false;
    }
    if (!from) {
        *problem = tr("From: %1").arg(from.error().detail);
        return false;
    }
    message->from = *from;
    for (auto [field, list, name] : {std::tuple{m_to, &message->to, tr("To")}, std::tuple{m_cc, &message->cc, tr("Cc")},
                                     std::tuple{m_bcc, &message->bcc, tr("Bcc")}}) {
        auto parsed = parseMailAddressList(field->text(), name);
        if (!parsed) {
            *problem = parsed.error().detail;
            return false;
        }
        *list = *parsed;
    }
    if (message->to.isEmpty() && message->cc.isEmpty() && message->bcc.isEmpty()) {
        *problem = tr("To: add at least one recipient");
        return false;
    }
    if (auto subject = validateHeaderText(m_subject->text(), tr("Subject")); !subject) {
        *problem = subject.error().detail;
        return false;
    }
    message->subject = m_subject->text();
    message->body = m_body->toPlainText();
    message->attachments = m_attachments->files();
    if (const QStringList missing = m_attachments->missingFiles(); !missing.isEmpty()) {
        *problem = tr("Attachment %1 is gone or cannot be read: remove it or put it back").arg(missing.first());
        return false;
    }
    return true;
}

void ComposeWindow::validate()
{
    // Each field is marked on its own as it is typed; the first problem is the status line's.
    const QString fromText = m_from->text().trimmed();
    const auto from = parseMailAddress(fromText);
    markValidity(m_from, fromText.isEmpty() || from ? QString() : from.error().detail);
    for (auto [field, name] : {std::pair{m_to, tr("To")}, std::pair{m_cc, tr("Cc")}, std::pair{m_bcc, tr("Bcc")}}) {
        const auto parsed = parseMailAddressList(field->text(), name);
        markValidity(field, parsed ? QString() : parsed.error().detail);
    }
    const auto subject = validateHeaderText(m_subject->text(), tr("Subject"));
    markValidity(m_subject, subject ? QString() : subject.error().detail);

    MailMessage message;
    QString problem;
    if (!m_host->isValid())
        problem = tr("Server: %1").arg(m_host->errorText());
    else
        buildMessage(&message, &problem);   // `problem` says what is missing or wrong
    m_problem = problem;
    if (!isSending()) {
        m_send->setEnabled(m_problem.isEmpty());
        // A tooltip guesses HTML too; the problem quotes what was typed.
        m_send->setToolTip(m_problem.isEmpty() ? QString() : Qt::convertFromPlainText(m_problem));
        if (!m_problem.isEmpty())
            showStatus(m_problem);
        else if (m_status->property("fromValidation").toBool())
            showStatus(tr("Ready to send."));
        m_status->setProperty("fromValidation", true);
    }
}

QString ComposeWindow::problem() const { return m_problem; }
bool ComposeWindow::isSending() const { return m_sender->isSending(); }
QString ComposeWindow::statusText() const { return m_status->text(); }
QString ComposeWindow::transcriptText() const { return m_transcript->toPlainText(); }

void ComposeWindow::showStatus(const QString &text, const QString &color)
{
    m_status->setProperty("fromValidation", false);
    m_status->setText(text);
    m_status->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1; font-weight: bold;").arg(color));
}

QString ComposeWindow::serverName() const { return QStringLiteral("%1:%2").arg(m_host->host()).arg(m_port->value()); }

SmtpSessionOptions ComposeWindow::sessionOptions() const
{
    SmtpSessionOptions options;
    options.server = {m_host->host(), static_cast<quint16>(m_port->value()), {}};
    const QString security = m_security->currentData().toString();
    options.security = security == QLatin1String("tls")    ? SmtpSecurity::Tls
                     : security == QLatin1String("none")   ? SmtpSecurity::None
                                                           : SmtpSecurity::StartTls;
    if (!isLocalInbox() || m_localInbox.login) {
        options.user = m_user->text().trimmed();
        options.password = m_password->text();
    }
    const QString method = m_authMethod->currentData().toString();
    options.authMethod = method == QLatin1String("plain")   ? SmtpAuthMethod::Plain
                       : method == QLatin1String("login")   ? SmtpAuthMethod::Login
                       : method == QLatin1String("xoauth2") ? SmtpAuthMethod::XOAuth2
                                                            : SmtpAuthMethod::Auto;
    options.allowUnencryptedAuth = m_allowClear->isChecked();
    options.caFile = m_caFile->text().trimmed();
    options.trustedFingerprints = m_settings.trustedCertificates(serverName());
    return options;
}

Result<CodeSettings> ComposeWindow::codeSettings() const
{
    const auto fieldError = [](const QString &text) { return Error{ErrorKind::InvalidArgument, {}, text, true}; };
    MailMessage message;
    QString problem;
    if (!buildMessage(&message, &problem))
        return fieldError(problem);
    if (!m_host->isValid())
        return fieldError(m_host->errorText());
    CodeSettings settings;
    settings.kind = CodeKind::Mail;
    settings.language = CodeLanguage::Python;
    const SmtpSessionOptions options = sessionOptions();
    settings.host = options.server.host;
    settings.port = options.server.port;
    settings.family = settings.host.contains(QLatin1Char(':')) ? CodeFamily::Ipv6 : CodeFamily::Ipv4;
    settings.caFile = options.caFile;
    CodeMailSettings &mail = settings.mail;
    switch (options.security) {
    case SmtpSecurity::None: mail.security = CodeMailSecurity::None; break;
    case SmtpSecurity::StartTls: mail.security = CodeMailSecurity::StartTls; break;
    case SmtpSecurity::Tls: mail.security = CodeMailSecurity::Tls; break;
    }
    mail.user = options.user;   // the password stays here: the program reads it from SMTP_PASSWORD
    mail.from = message.from.toString();
    for (auto [addresses, list] : {std::pair{&message.to, &mail.to}, std::pair{&message.cc, &mail.cc}, std::pair{&message.bcc, &mail.bcc}}) {
        for (const MailAddress &address : *addresses)
            list->append(address.toString());
    }
    mail.subject = message.subject;
    mail.attachments = message.attachments;
    mail.hasBody = true;
    mail.body = message.body;
    return settings;
}

qint64 ComposeWindow::estimatedSize() const
{
    qint64 size = 1024 + m_body->toPlainText().toUtf8().size();
    for (const QString &file : m_attachments->files())
        size += encodedSize(QFileInfo(file).size());
    return size;
}

void ComposeWindow::send()
{
    if (isSending())
        return;
    validate();
    MailMessage message;
    QString problem = m_problem;
    if (problem.isEmpty())
        buildMessage(&message, &problem);
    if (problem.isEmpty() && !m_user->text().trimmed().isEmpty() && m_password->text().isEmpty())
        problem = tr("Password: give the password or authorization code for %1").arg(m_user->text().trimmed());
    if (!problem.isEmpty()) {
        showStatus(problem, theme::colour(theme::Role::Error).name());
        emit sendFinished(false);
        return;
    }
    saveDraft();   // whatever happens next, the draft is on disk
    m_transcript->clear();
    m_estimate = estimatedSize();
    m_progress->setValue(0);
    m_progress->setVisible(true);
    setSending(true);
    showStatus(tr("Sending to %1…").arg(serverName()));
    m_sender->send(message, sessionOptions());
}

void ComposeWindow::cancel()
{
    if (!isSending())
        return;
    showStatus(tr("Cancelling…"));
    m_sender->cancel();
}

void ComposeWindow::setSending(bool sending)
{
    for (QWidget *box : findChildren<QGroupBox *>())
        if (box->objectName() != QLatin1String("transcriptBox"))
            box->setEnabled(!sending);
    m_send->setEnabled(!sending && m_problem.isEmpty());
    m_cancel->setEnabled(sending);
    setAcceptDrops(!sending);
}

void ComposeWindow::showTranscriptLine(const SmtpTranscriptLine &line) { m_transcript->appendPlainText(line.toString()); }

void ComposeWindow::showProgress(qint64 sent, qint64 total)
{
    const qint64 whole = total > 0 ? total : std::max(m_estimate, sent);
    m_progress->setValue(whole > 0 ? static_cast<int>(sent * 1000 / whole) : 0);
    m_progress->setToolTip(tr("%1 of %2").arg(QLocale().formattedDataSize(sent), QLocale().formattedDataSize(whole)));
}

void ComposeWindow::finish(const MailSendResult &result)
{
    setSending(false);
    if (result.accepted) {
        m_progress->setValue(1000);
        const QString sent = isLocalInbox()
                                 ? tr("Sent: the local inbox took the message. Read it in the main window's Inbox tab.")
                                 : tr("Sent: %1 accepted the message.").arg(serverName());
        // The message is delivered: a fresh one starts, from the same account and sender.
        for (QLineEdit *field : {m_to, m_cc, m_bcc, m_subject})
            field->clear();
        m_body->clear();
        m_attachments->clearFiles();
        saveDraft();
        validate();   // says what the empty message lacks; the news of the send comes after it
        showStatus(sent, theme::colour(theme::Role::Success).name());
        emit sendFinished(true);
        return;
    }
    m_progress->setValue(0);
    QString problem = result.error.message();
    if (isLocalInbox() && result.error.kind == ErrorKind::Connect && result.error.code == std::errc::connection_refused)
        problem += QLatin1Char(' ') + tr("The local inbox is not running: start it in the main window's Inbox tab.");
    validate();
    showStatus(problem, theme::colour(theme::Role::Error).name());
    if (result.rejectedCertificate)
        askToTrust(result);
    emit sendFinished(false);
}

void ComposeWindow::askToTrust(const MailSendResult &result)
{
    // Window-modal and not exec(): the window keeps painting, and a test can answer it.
    auto *dialog = new CertificateDialog(serverName(), *result.rejectedCertificate, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    const QString server = serverName();
    const QString fingerprint = result.rejectedCertificate->sha256;
    connect(dialog, &QMessageBox::finished, this, [this, dialog, server, fingerprint] {
        if (!dialog->trusted())
            return;
        m_settings.trustCertificate(server, fingerprint);
        send();
    });
    dialog->open();
}

void ComposeWindow::scheduleDraftSave()
{
    if (!m_restoring)
        m_draftTimer->start();
}

void ComposeWindow::saveDraft()
{
    m_draftTimer->stop();
    QVariantMap draft = captureFields(this);
    draft.insert(QLatin1String(kAttachmentsKey), m_attachments->files());
    QString error;
    if (!m_draft->save(draft, &error))
        showStatus(tr("The draft could not be saved to %1: %2").arg(m_draft->path(), error), theme::colour(theme::Role::Error).name());
}

void ComposeWindow::restoreDraft()
{
    const QVariantMap draft = m_draft->load();
    if (draft.isEmpty()) {
        // A first mail goes to the local inbox: it works before any account is set up.
        m_preset->setCurrentIndex(m_preset->findData(QStringLiteral("local")));
        return;
    }
    m_restoring = true;
    restoreFields(this, draft);
    const QStringList files = draft.value(QLatin1String(kAttachmentsKey)).toStringList();
    m_attachments->addFiles(files);
    // A file of the draft that is gone now stays listed, marked, so the user sees what is missing.
    const QStringList listed = m_attachments->files();
    for (const QString &file : files)
        if (!listed.contains(QFileInfo(file).absoluteFilePath()))
            m_attachments->addMissing(file);
    m_restoring = false;
    if (const MailPreset *preset = findMailPreset(m_preset->currentData().toString()))
        m_presetNote->setText(presetNote(*preset));
    updateLoginFields();
}

bool ComposeWindow::isLocalInbox() const
{
    return m_preset->currentData().toString() == QLatin1String("local");
}

void ComposeWindow::setLocalInbox(const LocalInbox &inbox)
{
    if (inbox.port == 0)
        return;
    m_localInbox = inbox;
    if (isLocalInbox() && !isSending())
        applyPreset();
}

QString ComposeWindow::presetNote(const MailPreset &preset) const
{
    if (preset.id != QLatin1String("local") || (!m_localInbox.startTls && !m_localInbox.login))
        return preset.note();
    if (m_localInbox.startTls && m_localInbox.login)
        return tr("Socketeer's own inbox on this computer, with STARTTLS and a login as its Inbox tab asks: type a user "
                  "and password it accepts. The mail never leaves the machine.");
    if (m_localInbox.startTls)
        return tr("Socketeer's own inbox on this computer, with STARTTLS as its Inbox tab asks; no login. The mail never "
                  "leaves the machine.");
    return tr("Socketeer's own inbox on this computer, with a login as its Inbox tab asks: type a user and password it "
              "accepts. The mail never leaves the machine.");
}

// The local inbox takes no login unless the Inbox tab asks for one: the fields stay as typed
// (for the next provider) but unused.
void ComposeWindow::updateLoginFields()
{
    const bool login = !isLocalInbox() || m_localInbox.login;
    m_user->setEnabled(login);
    m_password->setEnabled(login);
    m_authMethod->setEnabled(login);
}

void ComposeWindow::closeEvent(QCloseEvent *event)
{
    if (isSending()) {
        const auto answer = QMessageBox::question(this, tr("A mail is being sent"),
                                                  tr("Cancel sending and close? The draft is kept."),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_sender->cancel();
    }
    saveDraft();
    event->accept();
}

} // namespace socketeer::ui
