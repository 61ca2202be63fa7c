#pragma once
// The relay panel's impairments: a profile to start from (the built-in ones and the user's own,
// saved under a name) and the impairments as the one text the command line and profiles share
// ("latency=100:20 drop=5@up", core/relay/impairmentspec.h). Checked as it is typed; a mistake is
// shown in words and never applied.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace socketeer {
struct RelayImpairments;
}

namespace socketeer::ui {

class Settings;

class ImpairmentFields final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImpairmentFields)
public:
    explicit ImpairmentFields(Settings &settings, QWidget *parent = nullptr);
    ~ImpairmentFields() override;

    QString spec() const;
    void setSpec(const QString &spec);
    bool isValid() const;
    // Only valid when isValid(); without the keys `udp` cannot apply (they are named in the status).
    RelayImpairments impairments(bool udp) const;
    void setUdp(bool udp);   // which keys apply, for the status line
    void setRunning(bool running);   // Apply is offered only while a relay runs

    QComboBox *profiles() const { return m_profiles; }
    QLineEdit *specEdit() const { return m_spec; }
    QPushButton *applyButton() const { return m_apply; }

signals:
    // Apply pressed (or Enter in the text) while running: the impairments to use from now on.
    void applyRequested();

private:
    void loadProfiles();
    void chooseProfile(int index);
    void check();
    void saveProfile();

    Settings &m_settings;
    QComboBox *m_profiles;
    QLineEdit *m_spec;
    QPushButton *m_apply;
    QPushButton *m_save;
    QLabel *m_status;
    bool m_udp = false;
    bool m_running = false;
    bool m_choosing = false;
};

} // namespace socketeer::ui
