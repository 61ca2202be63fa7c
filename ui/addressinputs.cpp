#include "addressinputs.h"

#include "net/address.h"

#include <QHostAddress>
#include <QNetworkInterface>

namespace socketeer::ui {

void markValidity(QWidget *field, const QString &error)
{
    field->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("border: 2px solid #d03030; border-radius: 3px;"));
    field->setProperty("invalid", !error.isEmpty());
    if (!error.isEmpty())
        field->setToolTip(error);
}

PortEdit::PortEdit(QWidget *parent) : QLineEdit(parent)
{
    setMaxLength(6);
    setPlaceholderText(tr("port"));
    setToolTip(tr("0–65535; 0 lets the system choose a free port"));
    connect(this, &QLineEdit::textChanged, this, &PortEdit::validate);
    validate();
}

quint16 PortEdit::port() const
{
    const auto parsed = parsePort(text());
    return parsed ? *parsed : 0;
}

void PortEdit::setPort(quint16 port) { setText(QString::number(port)); }

void PortEdit::setAllowZero(bool allow)
{
    m_allowZero = allow;
    setToolTip(allow ? tr("0–65535; 0 lets the system choose a free port") : tr("1–65535"));
    validate();
}

void PortEdit::validate()
{
    const bool wasValid = isValid();
    const auto parsed = parsePort(text());
    if (!parsed)
        m_error = parsed.error().message();
    else if (*parsed == 0 && !m_allowZero)
        m_error = tr("Port 0 cannot be connected to: give the server's port (1–65535)");
    else
        m_error.clear();
    markValidity(this, m_error);
    if (wasValid != isValid())
        emit validityChanged(isValid());
}

HostEdit::HostEdit(QWidget *parent) : QLineEdit(parent)
{
    setPlaceholderText(tr("host name or address"));
    setToolTip(tr("A host name, an IPv4 address or an IPv6 address (brackets optional)"));
    connect(this, &QLineEdit::textChanged, this, &HostEdit::validate);
    validate();
}

QString HostEdit::host() const
{
    const auto parsed = parseHost(text());
    return parsed ? *parsed : QString();
}

void HostEdit::validate()
{
    const bool wasValid = isValid();
    const auto parsed = parseHost(text());
    if (!parsed)
        m_error = parsed.error().message();
    else if (parsed->isEmpty())
        m_error = tr("Give the host to connect to, such as localhost or 127.0.0.1");
    else
        m_error.clear();
    markValidity(this, m_error);
    if (wasValid != isValid())
        emit validityChanged(isValid());
}

LocalAddressCombo::LocalAddressCombo(QWidget *parent) : QComboBox(parent)
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setToolTip(tr("The local address to listen on. Loopback (127.0.0.1) is reachable only from this machine; "
                  "\"all interfaces\" opens the port to the network."));
    refresh();
}

void LocalAddressCombo::refresh()
{
    const QString current = count() ? address() : QStringLiteral("127.0.0.1");
    clear();
    addItem(tr("127.0.0.1 — this machine only (IPv4 loopback)"), QStringLiteral("127.0.0.1"));
    addItem(tr("::1 — this machine only (IPv6 loopback)"), QStringLiteral("::1"));
    addItem(tr("0.0.0.0 — all IPv4 interfaces"), QStringLiteral("0.0.0.0"));
    addItem(tr(":: — all interfaces, IPv6 and IPv4"), QStringLiteral("::"));
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        if (!(iface.flags() & QNetworkInterface::IsUp) || (iface.flags() & QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry &entry : iface.addressEntries()) {
            QHostAddress ip = entry.ip();
            QString text = ip.toString();   // includes %scope for link-local IPv6
            addItem(QStringLiteral("%1 — %2").arg(text, iface.humanReadableName()), text);
        }
    }
    setAddress(current);
}

QString LocalAddressCombo::address() const
{
    const int index = findText(currentText());
    if (index >= 0)
        return itemData(index).toString();
    return currentText().trimmed();   // typed by hand
}

void LocalAddressCombo::setAddress(const QString &address)
{
    const int index = findData(address);
    if (index >= 0)
        setCurrentIndex(index);
    else
        setEditText(address);
}

bool LocalAddressCombo::isAllInterfaces() const
{
    return isAnyHost(address());
}

} // namespace socketeer::ui
