#pragma once
// Colours for the code view: keywords, strings, comments and numbers of Python or C, enough to
// read a generated program on a projector. Not a parser: one line at a time, plus C's /* */.

#include "code/codesettings.h"

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace socketeer::ui {

class CodeHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeHighlighter)
public:
    explicit CodeHighlighter(QTextDocument *document);
    void setLanguage(CodeLanguage language);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    QList<Rule> m_rules;
    QTextCharFormat m_comment;
    CodeLanguage m_language = CodeLanguage::Python;
};

} // namespace socketeer::ui
