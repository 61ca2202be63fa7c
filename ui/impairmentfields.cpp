#include "impairmentfields.h"

#include "settings.h"
#include "theme.h"

#include "relay/impairmentspec.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace socketeer::ui {

namespace {

const QString kProfilesGroup = QStringLiteral("relay-profiles");

QString keysHelp()
{
    return ImpairmentFields::tr(
        "Impairments as KEY=VALUE words; each value may end in @up (client to target), @down or @both.\n"
        "latency=MS[:JITTER[:normal]]   bandwidth=BYTES_PER_S[:BURST]   (sizes take K and M)\n"
        "TCP: slice=BYTES[:VARIATION[:DELAY_US]]  reset-after=BYTES|500ms|2s  half-close=BYTES  limit=BYTES\n"
        "     stall=MS[:AFTER_BYTES]  slow-close=MS\n"
        "UDP: drop=PCT  duplicate=PCT  corrupt=PCT  truncate=PCT  reorder=PCT[:GAP]");
}

} // namespace

ImpairmentFields::ImpairmentFields(Settings &settings, QWidget *parent)
    : QWidget(parent),
      m_settings(settings),
      m_profiles(new QComboBox(this)),
      m_spec(new QLineEdit(this)),
      m_apply(new QPushButton(tr("&Apply"), this)),
      m_save(new QPushButton(tr("Save as profile…"), this)),
      m_status(new QLabel(this))
{
    m_profiles->setObjectName(QStringLiteral("relayProfile"));
    m_profiles->setToolTip(tr("Impairments ready to use: 3G, bad Wi-Fi, satellite, lossy UDP, or your own"));
    m_spec->setObjectName(QStringLiteral("relayImpairments"));
    m_spec->setAccessibleName(tr("Impairments"));
    m_spec->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_spec->setPlaceholderText(tr("no impairment: latency=100:20 slice=1:0:20000 drop=5@up …"));
    m_spec->setToolTip(keysHelp());
    m_spec->setClearButtonEnabled(true);
    m_apply->setObjectName(QStringLiteral("relayApply"));
    m_apply->setToolTip(tr("Use these impairments from now on, on the connections already open too"));
    m_save->setObjectName(QStringLiteral("relaySaveProfile"));
    m_save->setToolTip(tr("Save these impairments as a profile under a name"));
    m_status->setObjectName(QStringLiteral("relayImpairmentStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Impairments"), this));
    row->addWidget(m_profiles);
    row->addWidget(m_spec, 1);
    row->addWidget(m_apply);
    row->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_status);

    loadProfiles();
    connect(m_profiles, &QComboBox::activated, this, &ImpairmentFields::chooseProfile);
    connect(m_spec, &QLineEdit::textChanged, this, &ImpairmentFields::check);
    connect(m_spec, &QLineEdit::returnPressed, this, [this] {
        if (m_apply->isEnabled())
            emit applyRequested();
    });
    connect(m_apply, &QPushButton::clicked, this, &ImpairmentFields::applyRequested);
    connect(m_save, &QPushButton::clicked, this, &ImpairmentFields::saveProfile);
    check();
}

ImpairmentFields::~ImpairmentFields() = default;

QString ImpairmentFields::spec() const { return m_spec->text(); }

void ImpairmentFields::setSpec(const QString &spec) { m_spec->setText(spec); }

bool ImpairmentFields::isValid() const { return static_cast<bool>(parseImpairments(m_spec->text())); }

RelayImpairments ImpairmentFields::impairments(bool udp) const
{
    auto parsed = parseImpairments(m_spec->text());
    return parsed ? applicableImpairments(*parsed, udp) : RelayImpairments{};
}

void ImpairmentFields::setUdp(bool udp)
{
    m_udp = udp;
    check();
}

void ImpairmentFields::setRunning(bool running)
{
    m_running = running;
    check();
}

void ImpairmentFields::loadProfiles()
{
    m_profiles->clear();
    m_profiles->addItem(tr("None"), QString());
    for (const RelayProfile &profile : builtinRelayProfiles())
        m_profiles->addItem(profile.name, profile.spec);
    const QVariantMap own = m_settings.fields(kProfilesGroup);
    for (auto it = own.begin(); it != own.end(); ++it)
        m_profiles->addItem(it.key(), it.value().toString());
}

void ImpairmentFields::chooseProfile(int index)
{
    m_choosing = true;
    m_spec->setText(m_profiles->itemData(index).toString());
    m_choosing = false;
    check();
}

void ImpairmentFields::check()
{
    const auto parsed = parseImpairments(m_spec->text());
    if (!m_choosing) {   // typed by hand: the profile no longer describes it, unless it still says the same
        const int same = m_profiles->findData(m_spec->text().simplified());
        m_profiles->setCurrentIndex(same >= 0 ? same : (m_spec->text().trimmed().isEmpty() ? 0 : -1));
    }
    if (!parsed) {
        m_status->setText(parsed.error().detail);
        m_status->setStyleSheet(theme::textStyle(theme::Role::Error));
    } else {
        const QStringList skipped = inapplicableImpairments(*parsed, m_udp);
        m_status->setText(skipped.isEmpty() ? QString()
                                            : (m_udp ? tr("Not applied to UDP datagrams: %1") : tr("Not applied to TCP connections: %1"))
                                                  .arg(skipped.join(QStringLiteral(", "))));
        m_status->setStyleSheet(QString());
    }
    m_status->setVisible(!m_status->text().isEmpty());
    m_apply->setEnabled(m_running && parsed);
    m_save->setEnabled(parsed && parsed->any());
}

void ImpairmentFields::saveProfile()
{
    const auto parsed = parseImpairments(m_spec->text());
    if (!parsed)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save profile"), tr("Name of the profile:"), QLineEdit::Normal, {}, &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    QVariantMap own = m_settings.fields(kProfilesGroup);
    own.insert(name, impairmentsToSpec(*parsed));
    m_settings.setFields(kProfilesGroup, own);
    loadProfiles();
    m_profiles->setCurrentIndex(m_profiles->findText(name));
}

} // namespace socketeer::ui
