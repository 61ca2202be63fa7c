#pragma once
// Where a person types what to send: text (in the panel's encoding) or hex, a line ending, Enter to
// send, Up/Down through history, repeat every N ms up to a count, or a file's bytes. Input that
// cannot become bytes (bad hex, a character the encoding lacks, a bad macro) is explained and
// nothing is sent. Macros (text/macros.h: {{counter}}, {{date}}, {{hex:…}}…) are expanded at each
// send, repeats included; text is otherwise sent as typed (a backslash is itself, Plain mode), hex
// takes macros between the bytes. The counters belong to this box: each panel counts on its own.

#include "text/encoding.h"

#include <QByteArray>
#include <QStringList>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace socketeer {
class MacroState;
class MessageTemplate;
}

namespace socketeer::ui {

class SendBox final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SendBox)
public:
    enum class LineEnding { None, Lf, CrLf };
    static constexpr qint64 kMaxFileBytes = 256LL * 1024 * 1024;

    explicit SendBox(QWidget *parent = nullptr);

    void setEncoding(TextEncoding encoding) { m_encoding = encoding; }
    TextEncoding encoding() const { return m_encoding; }
    void setHexMode(bool hex);
    bool hexMode() const;
    void setLineEnding(LineEnding ending);
    LineEnding lineEnding() const;
    // Whether there is somewhere to send to (a connection, a bound socket): buttons follow it.
    void setSendEnabled(bool enabled);

    QLineEdit *input() const { return m_input; }
    QPushButton *sendButton() const { return m_sendButton; }
    QStringList history() const { return m_history; }
    QString errorText() const;

    // The current input parsed (macros not yet expanded), or the reason it stands for no bytes.
    Result<MessageTemplate> currentTemplate() const;
    // A preview of the bytes (a check value, a test): macros expanded with counters of their own.
    Result<QByteArray> currentBytes() const;
    // The bytes to send now: macros expanded, this panel's counters moved on.
    Result<QByteArray> takeBytes();
    // This panel's counters, shared with a sequence it runs.
    const std::shared_ptr<MacroState> &macroState() const { return m_macros; }
    // With streamsFiles on, a file is not read here: fileSendRequested(path) asks the panel to
    // stream it (any size). Off (the UDP panel, one datagram), its bytes are read and sent whole.
    void setStreamsFiles(bool on) { m_streamsFiles = on; }
    bool sendFile(const QString &path);
    // Bytes made elsewhere (a saved message): sent through the same path and log as typed input.
    // False, with nothing sent, while there is nowhere to send to.
    bool sendBytes(const QByteArray &bytes);
    bool canSend() const { return m_enabled; }
    void showError(const QString &message);

    bool isRepeating() const;
    void startRepeating(int intervalMs, int count);   // count 0: until stopped
    void stopRepeating();

signals:
    void sendRequested(const QByteArray &bytes);
    void fileSendRequested(const QString &path);
    void hexModeChanged(bool hex);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void send();
    bool sendOnce();
    void repeatTick();
    void updateButtons();
    void browseFile();

    Result<QByteArray> bytesWith(MacroState &macros) const;

    TextEncoding m_encoding = TextEncoding::Utf8;
    std::shared_ptr<MacroState> m_macros;
    bool m_streamsFiles = false;
    QLineEdit *m_input;
    QComboBox *m_mode;
    QComboBox *m_ending;
    QPushButton *m_sendButton;
    QPushButton *m_fileButton;
    QCheckBox *m_repeatCheck;
    QSpinBox *m_interval;
    QSpinBox *m_count;
    QLabel *m_error;
    QTimer *m_repeatTimer;
    QStringList m_history;
    int m_historyIndex = -1;   // -1: editing a new line
    int m_repeatsLeft = 0;     // with a count; -1 without
    bool m_enabled = false;
};

} // namespace socketeer::ui
