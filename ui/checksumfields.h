#pragma once
// A panel's check values (core/text/checksum.h): one appended to every message sent, one verified on
// every message received (after framing), their byte order and the range they cover, and a small
// calculator that shows the value of the message in the send box as it is typed.

#include "net/error.h"
#include "text/checksum.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace socketeer::ui {

class ChecksumFields final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecksumFields)
public:
    explicit ChecksumFields(QWidget *parent = nullptr);

    // The check value appended to what is sent / verified on what is received; nullopt for none.
    // An error when the order or range fields are wrong (nothing is sent then).
    Result<std::optional<ChecksumSpec>> appendSpec() const;
    Result<std::optional<ChecksumSpec>> verifySpec() const;
    // The calculator: the value of these bytes (or why the send box holds none).
    void showValueOf(const Result<QByteArray> &message);

    QComboBox *appendCombo() const { return m_append; }
    QComboBox *verifyCombo() const { return m_verify; }
    QComboBox *orderCombo() const { return m_order; }
    QLineEdit *rangeEdit() const { return m_range; }
    QLabel *valueLabel() const { return m_value; }

signals:
    void specChanged();

private:
    Result<std::optional<ChecksumSpec>> specFor(const QComboBox *combo) const;
    void refreshValue();

    QComboBox *m_append;
    QComboBox *m_verify;
    QComboBox *m_order;
    QLineEdit *m_range;
    QLabel *m_value;
    QByteArray m_message;
    QString m_messageError;
};

} // namespace socketeer::ui
