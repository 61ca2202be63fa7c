#include "sendbox.h"

#include "fieldmemory.h"
#include "theme.h"

#include "text/macros.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>

#include <limits>

namespace socketeer::ui {

SendBox::SendBox(QWidget *parent)
    : QWidget(parent),
      m_macros(std::make_shared<MacroState>()),
      m_input(new QLineEdit(this)),
      m_mode(new QComboBox(this)),
      m_ending(new QComboBox(this)),
      m_sendButton(new QPushButton(tr("&Send"), this)),
      m_fileButton(new QPushButton(tr("Send f&ile…"), this)),
      m_repeatCheck(new QCheckBox(tr("&Repeat every"), this)),
      m_interval(new QSpinBox(this)),
      m_count(new QSpinBox(this)),
      m_error(new QLabel(this)),
      m_repeatTimer(new QTimer(this))
{
    m_input->setObjectName(QStringLiteral("sendInput"));
    m_input->setAccessibleName(tr("Message to send"));
    m_input->setMaxLength(std::numeric_limits<int>::max());   // the default 32767 would cut a pasted payload silently
    m_input->setPlaceholderText(tr("Type a message and press Enter"));
    m_input->installEventFilter(this);
    m_input->setToolTip(tr("Enter sends; Up and Down walk through what you sent before.\n"
                           "Macros, expanded at each send (repeats too):\n"
                           "{{counter}} 1, 2, 3… (this tab's; {{counter:start=0,step=1,width=4,name=a}})\n"
                           "{{date}} {{time}} (or {{date:yyyyMMdd}}, {{time:HH:mm:ss.zzz}}), {{unixtime}}\n"
                           "{{random:100}} 0…99, {{hex:0D 0A}} raw bytes, {{file:PATH}} a file's bytes"));

    m_mode->addItem(tr("Text"));
    m_mode->addItem(tr("Hex"));
    m_mode->setObjectName(QStringLiteral("sendMode"));
    m_mode->setToolTip(tr("Text is sent in the chosen encoding; Hex takes bytes like 48 65 6C 6C 6F"));
    m_ending->addItem(tr("No line ending"), static_cast<int>(LineEnding::None));
    m_ending->addItem(tr("LF (\\n)"), static_cast<int>(LineEnding::Lf));
    m_ending->addItem(tr("CRLF (\\r\\n)"), static_cast<int>(LineEnding::CrLf));
    m_ending->setObjectName(QStringLiteral("lineEnding"));
    m_ending->setToolTip(tr("Appended to each text message"));

    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setToolTip(tr("Send the message (Enter)"));
    m_fileButton->setObjectName(QStringLiteral("sendFileButton"));
    m_fileButton->setToolTip(tr("Send the bytes of a file, exactly as they are"));

    m_repeatCheck->setObjectName(QStringLiteral("repeatCheck"));
    m_repeatCheck->setToolTip(tr("Send the message again and again, at the interval given"));
    m_interval->setRange(1, 3600000);
    m_interval->setValue(1000);
    m_interval->setSuffix(tr(" ms"));
    m_interval->setObjectName(QStringLiteral("repeatInterval"));
    m_interval->setToolTip(tr("How long to wait between two sends, in milliseconds"));
    m_interval->setAccessibleName(tr("Interval between sends"));
    m_count->setRange(0, 1000000);
    m_count->setValue(0);
    m_count->setSpecialValueText(tr("no limit"));
    m_count->setPrefix(tr("times: "));
    m_count->setObjectName(QStringLiteral("repeatCount"));
    m_count->setAccessibleName(tr("Times to send"));
    for (QWidget *field : std::initializer_list<QWidget *>{m_mode, m_ending, m_interval, m_count})
        rememberField(field);
    m_count->setToolTip(tr("How many times to send; \"no limit\" repeats until you stop it"));

    m_error->setObjectName(QStringLiteral("sendError"));
    m_error->setTextFormat(Qt::PlainText);   // it quotes what was typed
    m_error->setStyleSheet(theme::textStyle(theme::Role::Error));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_input, 1);
    row->addWidget(m_mode);
    row->addWidget(m_ending);
    row->addWidget(m_sendButton);
    auto *options = new QHBoxLayout;
    options->addWidget(m_repeatCheck);
    options->addWidget(m_interval);
    options->addWidget(m_count);
    options->addStretch(1);
    options->addWidget(m_fileButton);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row, 0, 0);
    layout->addLayout(options, 1, 0);
    layout->addWidget(m_error, 2, 0);

    connect(m_input, &QLineEdit::returnPressed, this, &SendBox::send);
    connect(m_input, &QLineEdit::textEdited, this, [this] { m_error->hide(); });
    connect(m_sendButton, &QPushButton::clicked, this, &SendBox::send);
    connect(m_fileButton, &QPushButton::clicked, this, &SendBox::browseFile);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_error->hide();
        m_ending->setEnabled(index == 0);
        emit hexModeChanged(index == 1);
    });
    connect(m_repeatCheck, &QCheckBox::toggled, this, [this](bool on) {
        if (!on)
            stopRepeating();
        updateButtons();
    });
    connect(m_repeatTimer, &QTimer::timeout, this, &SendBox::repeatTick);
    updateButtons();
}

void SendBox::setHexMode(bool hex) { m_mode->setCurrentIndex(hex ? 1 : 0); }
bool SendBox::hexMode() const { return m_mode->currentIndex() == 1; }

void SendBox::setLineEnding(LineEnding ending)
{
    m_ending->setCurrentIndex(m_ending->findData(static_cast<int>(ending)));
}

SendBox::LineEnding SendBox::lineEnding() const
{
    return static_cast<LineEnding>(m_ending->currentData().toInt());
}

void SendBox::setSendEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        stopRepeating();
    updateButtons();
}

QString SendBox::errorText() const
{
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

Result<MessageTemplate> SendBox::currentTemplate() const
{
    const QString text = m_input->text();
    // Hex without macros keeps its own check (and its wording); with them, the template reads it.
    if (hexMode() && !text.contains(QLatin1String("{{"))) {
        auto bytes = parseHex(text);
        if (!bytes)
            return bytes.error();
        return MessageTemplate::parse(text, MessageTemplate::Mode::Hex, m_encoding);
    }
    return MessageTemplate::parse(text, hexMode() ? MessageTemplate::Mode::Hex : MessageTemplate::Mode::Plain, m_encoding);
}

Result<QByteArray> SendBox::bytesWith(MacroState &macros) const
{
    const auto parsed = currentTemplate();
    if (!parsed)
        return parsed.error();
    auto bytes = parsed->expand(macros);
    if (!bytes || hexMode())
        return bytes;
    switch (lineEnding()) {
    case LineEnding::None: break;
    case LineEnding::Lf: bytes->append('\n'); break;
    case LineEnding::CrLf: bytes->append("\r\n"); break;
    }
    return bytes;
}

Result<QByteArray> SendBox::currentBytes() const
{
    MacroState preview;
    return bytesWith(preview);
}

Result<QByteArray> SendBox::takeBytes() { return bytesWith(*m_macros); }

void SendBox::send()
{
    if (!m_enabled)
        return;
    if (m_repeatCheck->isChecked()) {
        if (isRepeating())
            stopRepeating();
        else
            startRepeating(m_interval->value(), m_count->value());
        return;
    }
    if (!sendOnce())
        return;
    const QString text = m_input->text();
    if (!text.isEmpty() && (m_history.isEmpty() || m_history.constLast() != text))
        m_history.append(text);
    m_historyIndex = -1;
    m_input->clear();
}

bool SendBox::sendOnce()
{
    auto bytes = takeBytes();
    if (!bytes) {
        showError(bytes.error().message());
        return false;
    }
    if (bytes->isEmpty()) {
        showError(tr("Nothing to send: type some text or hex bytes"));
        return false;
    }
    m_error->hide();
    emit sendRequested(*bytes);
    return true;
}

bool SendBox::sendBytes(const QByteArray &bytes)
{
    if (!m_enabled || bytes.isEmpty())
        return false;
    emit sendRequested(bytes);
    return true;
}

void SendBox::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

bool SendBox::isRepeating() const { return m_repeatTimer->isActive(); }

void SendBox::startRepeating(int intervalMs, int count)
{
    // Check the input once up front (parsed, counters untouched): a bad message is reported, not
    // repeated. Each tick expands it anew, so {{counter}} counts.
    const auto parsed = currentTemplate();
    if (!parsed || (parsed->isConstant() && parsed->constant().isEmpty() && (hexMode() || lineEnding() == LineEnding::None))) {
        showError(parsed ? tr("Nothing to send: type some text or hex bytes") : parsed.error().message());
        return;
    }
    m_repeatsLeft = count > 0 ? count : -1;
    m_repeatTimer->start(intervalMs);
    repeatTick();
    updateButtons();
}

void SendBox::stopRepeating()
{
    m_repeatTimer->stop();
    updateButtons();
}

void SendBox::repeatTick()
{
    if (!m_enabled || !sendOnce()) {
        stopRepeating();
        return;
    }
    if (m_repeatsLeft > 0 && --m_repeatsLeft == 0)
        stopRepeating();
}

void SendBox::updateButtons()
{
    m_sendButton->setEnabled(m_enabled);
    m_fileButton->setEnabled(m_enabled);
    m_sendButton->setText(isRepeating() ? tr("&Stop") : tr("&Send"));
    m_interval->setEnabled(!isRepeating());
    m_count->setEnabled(!isRepeating());
}

bool SendBox::sendFile(const QString &path)
{
    if (m_streamsFiles) {
        m_error->hide();
        emit fileSendRequested(path);
        return true;
    }
    QFile file(path);
    if (QFileInfo(path).size() > kMaxFileBytes) {
        showError(tr("%1 is larger than %2 MiB: send it with the command line instead").arg(path).arg(kMaxFileBytes / (1024 * 1024)));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Could not read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.isEmpty()) {
        showError(tr("%1 is empty: nothing to send").arg(path));
        return false;
    }
    m_error->hide();
    emit sendRequested(bytes);
    return true;
}

void SendBox::browseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Send a file's bytes"));
    if (!path.isEmpty())
        sendFile(path);
}

bool SendBox::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress && !m_history.isEmpty()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Up) {
            m_historyIndex = m_historyIndex < 0 ? static_cast<int>(m_history.size()) - 1 : std::max(0, m_historyIndex - 1);
            m_input->setText(m_history.at(m_historyIndex));
            return true;
        }
        if (key->key() == Qt::Key_Down && m_historyIndex >= 0) {
            ++m_historyIndex;
            if (m_historyIndex >= m_history.size()) {
                m_historyIndex = -1;
                m_input->clear();
            } else {
                m_input->setText(m_history.at(m_historyIndex));
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace socketeer::ui
