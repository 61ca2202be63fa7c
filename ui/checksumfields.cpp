#include "checksumfields.h"

#include "fieldmemory.h"
#include "theme.h"

#include "text/encoding.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace socketeer::ui {

ChecksumFields::ChecksumFields(QWidget *parent)
    : QWidget(parent),
      m_append(new QComboBox(this)),
      m_verify(new QComboBox(this)),
      m_order(new QComboBox(this)),
      m_range(new QLineEdit(this)),
      m_value(new QLabel(this))
{
    for (QComboBox *combo : {m_append, m_verify}) {
        combo->addItem(tr("none"), QString());
        for (const QString &name : checksumNames())
            combo->addItem(name, name);
    }
    m_append->setObjectName(QStringLiteral("checkAppend"));
    m_append->setToolTip(tr("Append this check value to every message sent"));
    m_verify->setObjectName(QStringLiteral("checkVerify"));
    m_verify->setToolTip(tr("Treat the last bytes of every message received as this check value and mark the bad ones"));
    m_order->setObjectName(QStringLiteral("checkOrder"));
    m_order->addItem(tr("usual order"), QString());
    m_order->addItem(tr("low byte first"), QStringLiteral("le"));
    m_order->addItem(tr("high byte first"), QStringLiteral("be"));
    m_order->setToolTip(tr("Byte order of the check value: the usual one is low byte first for CRC-16/MODBUS and CRC-32, "
                           "high byte first for the others"));
    m_range->setObjectName(QStringLiteral("checkRange"));
    m_range->setAccessibleName(tr("Check value range"));
    m_range->setPlaceholderText(tr("range: all"));
    m_range->setToolTip(tr("The bytes the value covers, as START:END counted from 0 (negative: from the end); "
                           "empty for the whole message. \"1:\" skips an address byte."));
    m_range->setMaximumWidth(fontMetrics().averageCharWidth() * 12);
    m_value->setObjectName(QStringLiteral("checkValue"));
    m_value->setTextFormat(Qt::PlainText);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_value->setToolTip(tr("The check value of the message in the send box, as it would be appended"));
    for (QWidget *field : std::initializer_list<QWidget *>{m_append, m_verify, m_order, m_range})
        rememberField(field);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Check value: append"), this));
    row->addWidget(m_append);
    row->addWidget(new QLabel(tr("verify"), this));
    row->addWidget(m_verify);
    row->addWidget(m_order);
    row->addWidget(m_range);
    row->addWidget(m_value, 1);

    const auto changed = [this] {
        refreshValue();
        emit specChanged();
    };
    connect(m_append, &QComboBox::currentIndexChanged, this, changed);
    connect(m_verify, &QComboBox::currentIndexChanged, this, changed);
    connect(m_order, &QComboBox::currentIndexChanged, this, changed);
    connect(m_range, &QLineEdit::textChanged, this, changed);
    refreshValue();
}

Result<std::optional<ChecksumSpec>> ChecksumFields::specFor(const QComboBox *combo) const
{
    const QString name = combo->currentData().toString();
    if (name.isEmpty())
        return std::optional<ChecksumSpec>();
    auto spec = parseChecksumSpec(name, m_order->currentData().toString());
    if (!spec)
        return spec.error();
    if (!m_range->text().trimmed().isEmpty()) {
        const auto range = parseChecksumRange(m_range->text().trimmed());
        if (!range)
            return range.error();
        spec->range = *range;
    }
    return std::optional<ChecksumSpec>(*spec);
}

Result<std::optional<ChecksumSpec>> ChecksumFields::appendSpec() const { return specFor(m_append); }

Result<std::optional<ChecksumSpec>> ChecksumFields::verifySpec() const { return specFor(m_verify); }

void ChecksumFields::showValueOf(const Result<QByteArray> &message)
{
    m_message = message ? *message : QByteArray();
    m_messageError = message ? QString() : message.error().detail;
    refreshValue();
}

void ChecksumFields::refreshValue()
{
    // The calculator follows the appended algorithm, else the verified one, else Modbus's.
    const QComboBox *chosen = !m_append->currentData().toString().isEmpty() ? m_append : m_verify;
    auto spec = specFor(chosen);
    if (!spec) {
        m_value->setText(spec.error().detail);
        m_value->setStyleSheet(theme::textStyle(theme::Role::Error));
        return;
    }
    m_value->setStyleSheet(QString());
    const ChecksumSpec used = spec->value_or(*parseChecksumSpec(QStringLiteral("crc16-modbus")));
    if (!m_messageError.isEmpty() || m_message.isEmpty()) {   // nothing typed yet, or bad hex
        m_value->setText(QStringLiteral("%1: —").arg(checksumName(used.algorithm)));
        return;
    }
    const QByteArray value = checkValueBytes(used, computeChecksum(used.algorithm, used.range.of(m_message)));
    m_value->setText(tr("%1 of the message: %2").arg(checksumName(used.algorithm), toHexDisplay(value)));
}

} // namespace socketeer::ui
