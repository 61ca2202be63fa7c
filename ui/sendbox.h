#pragma once
// Where a person types what to send: text (in the panel's encoding) or hex, a line ending, Enter to
// send, Up/Down through history, repeat every N ms up to a count, or a file's bytes. Input that
// cannot become bytes (bad hex, a character the encoding lacks) is explained and nothing is sent.

#include "text/encoding.h"

#include <QByteArray>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;

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

    // The bytes the current input stands for, or the reason it stands for none.
    Result<QByteArray> currentBytes() const;
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

    TextEncoding m_encoding = TextEncoding::Utf8;
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
