#pragma once
// A compact editor for a panel's message framing (core/text/framing.h): none, line, CRLF, a
// delimiter in hex, a length prefix (1, 2 or 4 bytes, either order, counting its header or not),
// a fixed size; the longest message; resync or close on a framing error; whether what is sent gets
// the same framing; and whether the raw pieces are shown beside the messages.

#include "net/error.h"
#include "text/framing.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace socketeer::ui {

class FramingFields final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramingFields)
public:
    explicit FramingFields(QWidget *parent = nullptr);

    // The spec the fields stand for, or why they stand for none (a delimiter that is not hex).
    Result<FrameSpec> spec() const;
    bool framesSent() const;
    bool showsRaw() const;

    QComboBox *kindCombo() const { return m_kind; }
    QCheckBox *showRawCheck() const { return m_showRaw; }
    QCheckBox *frameSentCheck() const { return m_frameSent; }

signals:
    void specChanged();
    void showRawChanged(bool on);

private:
    void updateVisibility();

    QComboBox *m_kind;
    QLineEdit *m_delimiter;
    QComboBox *m_length;
    QCheckBox *m_header;
    QSpinBox *m_fixed;
    QLabel *m_maxLabel;
    QSpinBox *m_max;
    QComboBox *m_onError;
    QCheckBox *m_frameSent;
    QCheckBox *m_showRaw;
    QLabel *m_error;
};

} // namespace socketeer::ui
