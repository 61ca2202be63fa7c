#pragma once
// Address inputs shared by the panels, each validated as it is typed: a port field, a host field,
// and the local-address chooser that lists this machine's interfaces (IPv4 and IPv6) plus "all
// interfaces", defaulting to loopback.

#include <QComboBox>
#include <QLineEdit>

namespace socketeer::ui {

// Shows a red frame and a tooltip saying what is wrong while the text is not a valid value.
class PortEdit final : public QLineEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortEdit)
public:
    explicit PortEdit(QWidget *parent = nullptr);
    bool isValid() const { return m_error.isEmpty(); }
    QString errorText() const { return m_error; }
    quint16 port() const;
    void setPort(quint16 port);
    void setAllowZero(bool allow);   // 0: "let the system choose"

signals:
    void validityChanged(bool valid);

private:
    void validate();
    QString m_error;
    bool m_allowZero = true;
};

class HostEdit final : public QLineEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostEdit)
public:
    explicit HostEdit(QWidget *parent = nullptr);
    bool isValid() const { return m_error.isEmpty(); }
    QString errorText() const { return m_error; }
    QString host() const;

signals:
    void validityChanged(bool valid);

private:
    void validate();
    QString m_error;
};

class LocalAddressCombo final : public QComboBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalAddressCombo)
public:
    explicit LocalAddressCombo(QWidget *parent = nullptr);
    // The address to bind: "127.0.0.1", "::", "192.168.1.5", "fe80::1%eth0", or what was typed.
    QString address() const;
    void setAddress(const QString &address);
    bool isAllInterfaces() const;
    void refresh();   // re-reads the interfaces
};

// Marks a field as valid or not in the way all panels share.
void markValidity(QWidget *field, const QString &error);

} // namespace socketeer::ui
