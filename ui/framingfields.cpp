#include "framingfields.h"

#include "fieldmemory.h"
#include "theme.h"

#include "net/limits.h"
#include "text/encoding.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace socketeer::ui {

FramingFields::FramingFields(QWidget *parent)
    : QWidget(parent),
      m_kind(new QComboBox(this)),
      m_delimiter(new QLineEdit(this)),
      m_length(new QComboBox(this)),
      m_header(new QCheckBox(tr("counts header"), this)),
      m_fixed(new QSpinBox(this)),
      m_maxLabel(new QLabel(tr("max"), this)),
      m_max(new QSpinBox(this)),
      m_onError(new QComboBox(this)),
      m_frameSent(new QCheckBox(tr("Frame what I send"), this)),
      m_showRaw(new QCheckBox(tr("Show raw chunks"), this)),
      m_error(new QLabel(this))
{
    m_kind->setObjectName(QStringLiteral("frameKind"));
    m_kind->addItem(tr("none (as received)"), QStringLiteral("none"));
    m_kind->addItem(tr("lines (LF)"), QStringLiteral("line"));
    m_kind->addItem(tr("lines (CRLF)"), QStringLiteral("crlf"));
    m_kind->addItem(tr("delimiter"), QStringLiteral("delim"));
    m_kind->addItem(tr("length prefix"), QStringLiteral("len"));
    m_kind->addItem(tr("fixed size"), QStringLiteral("fixed"));
    m_kind->setToolTip(tr("Where one message ends: TCP is a stream, so one send() may arrive in two pieces and two "
                          "sends in one. The log shows whole messages."));
    m_delimiter->setObjectName(QStringLiteral("frameDelimiter"));
    m_delimiter->setAccessibleName(tr("Frame delimiter"));
    m_delimiter->setText(QStringLiteral("03"));
    m_delimiter->setPlaceholderText(tr("hex, e.g. 03 or 0D 0A"));
    m_delimiter->setToolTip(tr("The bytes that end each message, in hex"));
    m_delimiter->setMaximumWidth(fontMetrics().averageCharWidth() * 14);
    m_length->setObjectName(QStringLiteral("frameLength"));
    m_length->addItem(tr("1 byte"), QStringLiteral("len:1"));
    m_length->addItem(tr("2 bytes BE"), QStringLiteral("len:2be"));
    m_length->addItem(tr("2 bytes LE"), QStringLiteral("len:2le"));
    m_length->addItem(tr("4 bytes BE"), QStringLiteral("len:4be"));
    m_length->addItem(tr("4 bytes LE"), QStringLiteral("len:4le"));
    m_length->setCurrentIndex(1);
    m_length->setToolTip(tr("The length header before each message: its size and byte order (BE: network order)"));
    m_header->setObjectName(QStringLiteral("frameCountsHeader"));
    m_header->setToolTip(tr("The length counts the header's own bytes too"));
    m_fixed->setObjectName(QStringLiteral("frameFixedSize"));
    m_fixed->setToolTip(tr("Every frame has exactly this many bytes"));
    m_fixed->setAccessibleName(tr("Frame size"));
    m_fixed->setRange(1, static_cast<int>(limits::kFrameHardMaxBytes));
    m_fixed->setValue(8);
    m_fixed->setSuffix(tr(" bytes"));
    m_max->setObjectName(QStringLiteral("frameMax"));
    m_max->setAccessibleName(tr("Largest frame"));
    m_max->setRange(1, static_cast<int>(limits::kFrameHardMaxBytes));
    m_max->setValue(static_cast<int>(limits::kFrameDefaultMaxBytes));
    m_max->setSuffix(tr(" bytes"));
    m_max->setToolTip(tr("The longest message accepted; a longer one is a framing error"));
    m_onError->setObjectName(QStringLiteral("frameOnError"));
    m_onError->addItem(tr("on error: resync"), QStringLiteral("resync"));
    m_onError->addItem(tr("on error: close"), QStringLiteral("close"));
    m_onError->setToolTip(tr("On a framing error, skip the bad message and go on, or close the connection"));
    m_frameSent->setObjectName(QStringLiteral("frameSent"));
    m_frameSent->setToolTip(tr("Add the same framing to each message sent (a length before it, the delimiter after it)"));
    m_showRaw->setObjectName(QStringLiteral("showRawChunks"));
    m_showRaw->setToolTip(tr("Beside the messages, show the pieces as they were read from the socket, with their sizes"));
    m_error->setObjectName(QStringLiteral("frameError"));
    m_error->setStyleSheet(theme::textStyle(theme::Role::Error));
    m_error->setTextFormat(Qt::PlainText);
    for (QWidget *field : std::initializer_list<QWidget *>{m_kind, m_delimiter, m_length, m_header, m_fixed, m_max, m_onError,
                                                           m_frameSent, m_showRaw})
        rememberField(field);

    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Framing"), this));
    row->addWidget(m_kind);
    row->addWidget(m_delimiter);
    row->addWidget(m_length);
    row->addWidget(m_header);
    row->addWidget(m_fixed);
    row->addWidget(m_maxLabel);
    row->addWidget(m_max);
    row->addWidget(m_onError);
    row->addWidget(m_error);
    row->addStretch(1);
    row->addWidget(m_frameSent);
    row->addWidget(m_showRaw);

    const auto changed = [this] {
        updateVisibility();
        emit specChanged();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_delimiter, &QLineEdit::textChanged, this, changed);
    connect(m_length, &QComboBox::currentIndexChanged, this, changed);
    connect(m_header, &QCheckBox::toggled, this, changed);
    connect(m_fixed, &QSpinBox::valueChanged, this, changed);
    connect(m_max, &QSpinBox::valueChanged, this, changed);
    connect(m_onError, &QComboBox::currentIndexChanged, this, changed);
    connect(m_showRaw, &QCheckBox::toggled, this, &FramingFields::showRawChanged);
    updateVisibility();
}

Result<FrameSpec> FramingFields::spec() const
{
    // Through the text form, so the window accepts exactly what --frame accepts.
    const QString kind = m_kind->currentData().toString();
    QString text;
    if (kind == QLatin1String("delim")) {
        const auto bytes = parseHex(m_delimiter->text());
        if (!bytes)
            return Error::invalid(tr("the delimiter is not hex: %1").arg(bytes.error().detail));
        if (bytes->isEmpty())
            return Error::invalid(tr("give the delimiter in hex, e.g. 03 or 0D 0A"));
        text = QStringLiteral("delim:") + QString::fromLatin1(bytes->toHex());
    } else if (kind == QLatin1String("len")) {
        text = m_length->currentData().toString();
        if (m_header->isChecked())
            text += QStringLiteral(",header");
    } else if (kind == QLatin1String("fixed")) {
        text = QStringLiteral("fixed:%1").arg(m_fixed->value());
    } else {
        text = kind;
    }
    if (kind != QLatin1String("none") && kind != QLatin1String("fixed"))
        text += QStringLiteral(",max=%1").arg(m_max->value());
    if (kind != QLatin1String("none"))
        text += QLatin1Char(',') + m_onError->currentData().toString();
    return FrameSpec::parse(text);
}

bool FramingFields::framesSent() const { return m_frameSent->isChecked(); }

bool FramingFields::showsRaw() const { return m_showRaw->isChecked(); }

void FramingFields::updateVisibility()
{
    const QString kind = m_kind->currentData().toString();
    const bool none = kind == QLatin1String("none");
    m_delimiter->setVisible(kind == QLatin1String("delim"));
    m_length->setVisible(kind == QLatin1String("len"));
    m_header->setVisible(kind == QLatin1String("len"));
    m_fixed->setVisible(kind == QLatin1String("fixed"));
    m_maxLabel->setVisible(!none && kind != QLatin1String("fixed"));
    m_max->setVisible(!none && kind != QLatin1String("fixed"));
    m_onError->setVisible(!none);
    m_frameSent->setEnabled(!none);
    const auto current = spec();
    m_error->setText(current ? QString() : current.error().detail);
    m_error->setVisible(!current);
}

} // namespace socketeer::ui
