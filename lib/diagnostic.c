/*
 * diagnostic.c - lists of findings, and the table of every rule id.
 *
 * A list grows while a document is checked and is read-only once handed
 * to the caller. Each finding owns its strings.
 */
#include "diagnostic_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct wb_diagnostic {
    wb_severity severity;
    char *rule;
    char *file;
    int line;
    int column;
    char *message[2];   /* indexed by wb_lang */
    size_t order;       /* when it was found: keeps sorting stable */
};

/* Each finding is allocated on its own, so that one taken from a list
   stays where it is while the list grows (an evaluation's problems grow
   with every file added). */
struct wb_diagnostics {
    wb_diagnostic **items;
    size_t count;
    size_t capacity;
};

typedef struct check_info {
    const char *id;
    wb_severity severity;
    const char *summary_en;
    const char *summary_zh;
} check_info;

/* The single table of rule ids. docs/checks.md describes each one; a test
   keeps the two in step. */
static const check_info checks[] = {
    { WB_CHECK_XML_MALFORMED, WB_SEVERITY_ERROR,
      "The file is not well-formed XML (or not valid UTF-8).",
      "文件不是格式良好的 XML(或不是有效的 UTF-8 编码)。" },
    { WB_CHECK_XML_WARNING, WB_SEVERITY_WARNING,
      "The XML parser noticed something questionable that does not stop reading.",
      "XML 解析器发现可疑之处,但不影响读取。" },
    { WB_CHECK_XML_DOCTYPE, WB_SEVERITY_ERROR,
      "A DOCTYPE declaration: refused, so that no entity or external file is ever loaded.",
      "含有 DOCTYPE 声明:为杜绝实体展开和外部文件加载,一律拒绝。" },
    { WB_CHECK_XML_ENCODING, WB_SEVERITY_ERROR,
      "The document declares an encoding other than UTF-8.",
      "文档声明了 UTF-8 以外的编码。" },
    { WB_CHECK_DOCUMENT_KIND, WB_SEVERITY_ERROR,
      "The document is XML, but not of a kind libweibao reads.",
      "文档是 XML,但不是 libweibao 可读的种类。" },
    { WB_CHECK_SCHEMA, WB_SEVERITY_ERROR,
      "The document breaks the XML Schema of its format.",
      "文档不符合其数据格式的 XML Schema。" },
    { WB_CHECK_DUPLICATE_ID, WB_SEVERITY_ERROR,
      "Two categories, or two items (standards and veto items), share an id.",
      "两个项目或两个条目(工作标准、负面清单项)编号重复。" },
    { WB_CHECK_ID_CATEGORY, WB_SEVERITY_ERROR,
      "A standard's id N.M does not start with the number N of its category.",
      "工作标准编号 N.M 的 N 与所属项目编号不一致。" },
    { WB_CHECK_POINTS, WB_SEVERITY_ERROR,
      "A standard is worth zero points.",
      "工作标准分值为零。" },
    { WB_CHECK_TOTAL, WB_SEVERITY_ERROR,
      "The declared total differs from the sum of the standards' points.",
      "声明的满分与各工作标准分值之和不一致。" },
    { WB_CHECK_UNKNOWN_UNIT, WB_SEVERITY_ERROR,
      "A responsible unit is neither a name nor an alias in the unit directory.",
      "责任单位不是单位目录中的名称或别名。" },
    { WB_CHECK_DUPLICATE_UNIT, WB_SEVERITY_ERROR,
      "Two unit directory entries share an id, a name or an alias.",
      "单位目录中两个条目的编号、名称或别名重复。" },
    { WB_CHECK_BAD_MEMBER, WB_SEVERITY_ERROR,
      "A group lists a member that is not a unit of the directory.",
      "单位组的成员不是单位目录中的单位。" },
    { WB_CHECK_REPEATED_UNIT, WB_SEVERITY_WARNING,
      "An item names the same unit twice.",
      "同一条目重复列出同一责任单位。" },
    { WB_CHECK_CAL_DATE, WB_SEVERITY_ERROR,
      "A date in a calendar file does not exist.",
      "日历文件中的日期不存在。" },
    { WB_CHECK_CAL_RANGE, WB_SEVERITY_ERROR,
      "A holiday ends before it starts.",
      "节假日的结束日期早于开始日期。" },
    { WB_CHECK_CAL_DAYS, WB_SEVERITY_ERROR,
      "A holiday's stated length (共N天) differs from its date range.",
      "节假日注明的天数(共N天)与其日期范围不符。" },
    { WB_CHECK_CAL_YEAR, WB_SEVERITY_ERROR,
      "A holiday lies outside the year its notice arranges.",
      "节假日不在其通知所安排的年份内。" },
    { WB_CHECK_CAL_MAKEUP, WB_SEVERITY_ERROR,
      "A make-up working day is not a Saturday or Sunday.",
      "调休上班日不是周六或周日。" },
    { WB_CHECK_CAL_AMENDS, WB_SEVERITY_ERROR,
      "An amendment names no yearly notice of its year, or cancels a make-up day that was never set.",
      "修改通知未指向同年的年度通知,或取消了从未设定的调休上班日。" },
    { WB_CHECK_CAL_DUPLICATE, WB_SEVERITY_ERROR,
      "Two notices share an id, or a year has two yearly notices.",
      "两份通知编号重复,或同一年有两份年度通知。" },
    { WB_CHECK_CAL_MISSING, WB_SEVERITY_ERROR,
      "A year the calendar says it covers has no yearly notice.",
      "日历声明覆盖的某一年没有年度通知。" },
    { WB_CHECK_CAL_OVERLAP, WB_SEVERITY_ERROR,
      "Two holidays share a day, a make-up day falls inside a holiday, or a make-up day is set twice.",
      "两个节假日日期重叠,调休上班日落在节假日内,或同一调休上班日重复设定。" },
    { WB_CHECK_CAL_YEARS, WB_SEVERITY_ERROR,
      "The covered years are in the wrong order, or final-through lies outside them.",
      "覆盖年份顺序有误,或 final-through 不在覆盖年份内。" },
    { WB_CHECK_NOTICE_UNREADABLE, WB_SEVERITY_ERROR,
      "A holiday item of a notice's text cannot be read, or names a date that does not exist.",
      "通知正文中的节假日条目无法读出,或写有不存在的日期。" },
    { WB_CHECK_NOTICE_WEEKDAY, WB_SEVERITY_ERROR,
      "A notice names a weekday in brackets that is not the weekday of its date.",
      "通知括号中所写星期与该日期实际星期不符。" },
    { WB_CHECK_NOTICE_MISSING, WB_SEVERITY_ERROR,
      "A notice's text lacks the title that names its year, or any holiday item.",
      "通知正文缺少写明年份的标题,或没有节假日条目。" },
    { WB_CHECK_NOTICE_UNCITED, WB_SEVERITY_WARNING,
      "A notice's text lacks its document number or signing date; the edition is written without them.",
      "通知正文缺少发文字号或成文日期;导入的日历版本不写这两项。" },
    { WB_CHECK_RULES_LANG, WB_SEVERITY_ERROR,
      "A rule's title, reading or parameter summary is not given once in Chinese and once in English.",
      "规则的标题、解读或参数说明未提供中英文各一条。" },
    { WB_CHECK_RULES_PARAM, WB_SEVERITY_ERROR,
      "A parameter's default lies outside its bounds, or a rule lacks a parameter its evaluation reads.",
      "参数默认值超出其上下限,或规则缺少执行所需的参数。" },
    { WB_CHECK_RULES_DUPLICATE, WB_SEVERITY_ERROR,
      "A rule id, or a parameter name within a rule, is used twice.",
      "规则编号或同一规则内的参数名重复。" },
    { WB_CHECK_RULES_UNKNOWN, WB_SEVERITY_ERROR,
      "The rule table names a rule this version of the library cannot evaluate, or on the wrong ledger.",
      "规则表列出了本版本无法执行的规则,或规则对应的台账有误。" },
    { WB_CHECK_PACK_UNKNOWN, WB_SEVERITY_ERROR,
      "A rule pack sets a rule or parameter the rule table does not have, or sets one twice.",
      "规则包设置了规则表中不存在的规则或参数,或重复设置。" },
    { WB_CHECK_PACK_VALUE, WB_SEVERITY_ERROR,
      "A rule pack sets a parameter outside the bounds the rule table allows.",
      "规则包设置的参数值超出规则表允许的范围。" },
    { WB_CHECK_PACK_PATTERN, WB_SEVERITY_ERROR,
      "A rule pack's privacy pattern does not compile as PCRE2, is empty, matches empty text, or reuses an id.",
      "规则包的隐私模式无法按 PCRE2 编译、为空、可匹配空文本,或编号重复。" },
    { WB_CHECK_LEDGER_BAD_DATE, WB_SEVERITY_ERROR,
      "A ledger cell holds a date that does not exist or cannot be read; the rules that read it count the row as unreadable.",
      "台账单元格中的日期不存在或无法识别;读取该列的规则将本行计为无法识别。" },
    { "ledger-bad-value", WB_SEVERITY_ERROR,
      "A ledger cell holds a value its column cannot hold (not one of its choices, not a whole number); the rules that read it count the row as unreadable.",
      "台账单元格的值不符合该列要求(不在可选值中、不是整数等);读取该列的规则将本行计为无法识别。" },
    { "ledger-bad-id-number", WB_SEVERITY_ERROR,
      "A ledger cell holds an identity number whose length, digits, birth date or check character is wrong; it is quoted masked.",
      "台账中的公民身份号码位数、出生日期或校验码有误(输出时遮蔽)。" },
    { "ledger-missing-key", WB_SEVERITY_ERROR,
      "A ledger row has no key; it is not checked on its own, but still counts in rules over the whole ledger.",
      "台账行缺少编号;本行不予单独核查,但计入全台账统计。" },
    { "ledger-duplicate-key", WB_SEVERITY_ERROR,
      "A ledger row repeats a key used before in the same kind of ledger; it is not checked.",
      "台账行的编号与此前同类台账重复;该行不予核查。" },
    { "file-binary", WB_SEVERITY_WARNING,
      "A file handed to check holds binary content (an Excel workbook, a PDF); it is not checked.",
      "交给 check 的文件为二进制内容(如 Excel 工作簿、PDF),未检查。" },
    { "file-encoding", WB_SEVERITY_WARNING,
      "A text file handed to check is not UTF-8: it is read as GB18030 when it is that, else only its numbers are looked for.",
      "交给 check 的文本文件不是 UTF-8 编码:如为 GB18030 则按其读取,否则仅查找号码。" },
    { "file-kind", WB_SEVERITY_WARNING,
      "A file handed to check is of no kind weibao-lint reads; it is not checked.",
      "交给 check 的文件不是 weibao-lint 可读的类型,未检查。" },
    { "file-skipped", WB_SEVERITY_NOTE,
      "An entry of a folder handed to check is not checked: a FIFO, device or socket (never opened), a link back to a folder already walked, a second name of a file already checked, or a folder too deep.",
      "交给 check 的文件夹中某项未检查:命名管道、设备或套接字(不打开),指回已检查文件夹的链接,已检查文件的另一名称,或层级过深的文件夹。" },
    { "dossier-file", WB_SEVERITY_ERROR,
      "A file the dossier names (its score sheet, a ledger) cannot be read.",
      "自评材料所列文件(评分表、台账)无法读取。" },
    { "dossier-path", WB_SEVERITY_ERROR,
      "A file the dossier names lies outside the dossier's folder (an absolute path, a '..' that climbs out, a link that leads out); it is not read.",
      "自评材料所列文件不在其所在文件夹内(绝对路径、以“..”跳出、链接指向外部),不予读取。" },
    { "dossier-sheet", WB_SEVERITY_ERROR,
      "A score-sheet row lacks its standard, or its points are not in steps of 0.5; or the sheet lacks its columns.",
      "评分表某行缺少考核标准,或得分不是 0.5 的整数倍;或评分表缺少必需的列。" },
    { "dossier-edition", WB_SEVERITY_ERROR,
      "The dossier answers another rubric edition than the one it is assessed against.",
      "自评材料对应的考核细则版本与评估所用版本不同。" },
    { "dossier-unknown-standard", WB_SEVERITY_ERROR,
      "A score names a standard the rubric edition does not have.",
      "评分所列工作标准不在该版本考核细则中。" },
    { "dossier-duplicate-standard", WB_SEVERITY_ERROR,
      "A standard is scored twice; the first score counts.",
      "同一工作标准重复评分;以第一次为准。" },
    { "dossier-missing-standard", WB_SEVERITY_ERROR,
      "A standard of the rubric is not scored; it counts 0.",
      "考核细则中的工作标准未评分;按 0 分计。" },
    { "dossier-score-range", WB_SEVERITY_ERROR,
      "A score is above the standard's points or below 0; it counts within range.",
      "得分高于该工作标准分值或低于 0;按分值范围计。" },
    { "dossier-no-evidence", WB_SEVERITY_WARNING,
      "A standard claims points without evidence.",
      "工作标准申报得分但未列佐证材料。" },
    { "dossier-unit", WB_SEVERITY_WARNING,
      "The unit claiming a standard is not in the rubric's directory, or does not answer for the standard.",
      "申报单位不在考核细则单位目录中,或不负责该工作标准。" },
    { "dossier-veto", WB_SEVERITY_ERROR,
      "A veto item is not declared, declared twice, or not an item of the rubric.",
      "负面工作清单项未填报、重复填报或不在考核细则中。" },
    { "dossier-veto-date", WB_SEVERITY_WARNING,
      "A veto item that occurred has no date or a date after the as-of date, or one that did not occur has a date.",
      "已发生的负面工作清单项未填写日期或日期晚于自评基准日,或未发生的填写了日期。" },
    { "ledger-unknown-township", WB_SEVERITY_ERROR,
      "A row names a township the townships ledger does not list; it is not checked on its own, but counts in rules over the whole ledger.",
      "台账行中的乡镇(街道)不在乡镇(街道)台账中;本行不予单独核查,但计入全台账统计。" },
    { "ledger-unknown-unit", WB_SEVERITY_ERROR,
      "A row names a unit the units ledger does not list; it is not checked on its own, but counts in rules over the whole ledger.",
      "台账行中的单位不在单位台账中;本行不予单独核查,但计入全台账统计。" },
    { "ledger-unknown-column", WB_SEVERITY_WARNING,
      "A CSV header names a column the ledger kind does not have; the column is ignored.",
      "CSV 表头中有该类台账没有的列;该列被忽略。" },
    { "ledger-columns", WB_SEVERITY_ERROR,
      "A CSV header lacks the key column or names a column twice, or a row has values past the header.",
      "CSV 表头缺少编号列或有重复列,或某行的值超出表头列数。" },
    { "ledger-kind", WB_SEVERITY_ERROR,
      "The file is not a ledger of a known kind, or not of the kind asked for.",
      "文件不是已知类型的台账,或不是指定类型的台账。" },
    { "ledger-malformed", WB_SEVERITY_ERROR,
      "A CSV file cannot be read: an unclosed quote, bytes that are not UTF-8 or GB18030, a record over 1 MiB.",
      "CSV 文件无法读取:引号未闭合、编码既非 UTF-8 也非 GB18030,或单条记录超过 1 MiB。" },
    { "ledger-coverage", WB_SEVERITY_ERROR,
      "A deadline needs a day the working-day calendar does not cover; the row's other rules are still checked.",
      "计算期限所需日期超出工作日日历覆盖范围;该行其他规则照常核查。" },
    { WB_CHECK_PRIVACY_ID_NUMBER, WB_SEVERITY_WARNING,
      "Free text holds a resident identity number (quoted masked); an error when its holder is a minor on the as-of date.",
      "文本中含有公民身份号码(输出时遮蔽);持有人于评估基准日为未成年人时为错误。" },
    { WB_CHECK_PRIVACY_PHONE, WB_SEVERITY_WARNING,
      "Free text holds a mobile or landline phone number (quoted masked).",
      "文本中含有手机号码或固定电话号码(输出时遮蔽)。" },
    { WB_CHECK_PRIVACY_BANK_CARD, WB_SEVERITY_WARNING,
      "Free text holds a bank card number: 16 to 19 digits passing the Luhn check (quoted masked).",
      "文本中含有银行卡号:通过 Luhn 校验的 16 至 19 位数字(输出时遮蔽)。" },
    { WB_CHECK_PRIVACY_NAME_CASE, WB_SEVERITY_WARNING,
      "Free text holds what looks like a person's name near a case word (性侵, 被害人 ...); only the surname is quoted.",
      "文本中涉案词(性侵、被害人等)附近有疑似姓名;输出时只保留姓氏。" },
    { WB_CHECK_PRIVACY_PATTERN, WB_SEVERITY_WARNING,
      "Free text matches an extra pattern of a rule pack (quoted masked whole).",
      "文本匹配规则包的附加模式(输出时整体遮蔽)。" },
    { WB_CHECK_PRIVACY_LIMIT, WB_SEVERITY_WARNING,
      "A search of the privacy scan hit a PCRE2 limit and stopped there; the scan went on from the next line.",
      "隐私扫描的某项搜索达到 PCRE2 限制并在此中止;扫描从下一行继续。" },
};

#define CHECK_COUNT (sizeof(checks) / sizeof(checks[0]))

static const check_info *find_check(const char *id)
{
    if (id == NULL)
        return NULL;
    for (size_t i = 0; i < CHECK_COUNT; i++)
        if (strcmp(checks[i].id, id) == 0)
            return &checks[i];
    return NULL;
}

size_t wb_check_count(void)
{
    return CHECK_COUNT;
}

const char *wb_check_id_at(size_t i)
{
    return i < CHECK_COUNT ? checks[i].id : NULL;
}

wb_severity wb_check_severity(const char *rule_id)
{
    const check_info *c = find_check(rule_id);
    return c != NULL ? c->severity : WB_SEVERITY_ERROR;
}

const char *wb_check_summary(const char *rule_id, wb_lang lang)
{
    const check_info *c = find_check(rule_id);
    if (c == NULL)
        return NULL;
    return lang == WB_LANG_EN ? c->summary_en : c->summary_zh;
}

const char *wb_severity_name(wb_severity severity)
{
    switch (severity) {
    case WB_SEVERITY_NOTE:    return "note";
    case WB_SEVERITY_WARNING: return "warning";
    case WB_SEVERITY_ERROR:   return "error";
    default:                  return "error";
    }
}

/* ------------------------------------------------------------ the list */

wb_diagnostics *wb__diagnostics_new(void)
{
    return calloc(1, sizeof(wb_diagnostics));
}

static char *dup_or_empty(const char *s)
{
    if (s == NULL)
        s = "";
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy != NULL)
        memcpy(copy, s, n);
    return copy;
}

/* Replace line breaks so that every message stays on one line. */
static void flatten(char *s)
{
    for (; *s != '\0'; s++)
        if (*s == '\n' || *s == '\r')
            *s = ' ';
}

/* Drop the trailing blanks libxml2 leaves after its messages. */
static void trim_right(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
}

int wb__diagnostics_add_text(wb_diagnostics *list, wb_severity severity,
                             const char *rule, const char *file, int line,
                             int column, const char *en, const char *zh)
{
    if (list->count == list->capacity) {
        size_t cap = list->capacity ? list->capacity * 2 : 8;
        wb_diagnostic **items = realloc(list->items, cap * sizeof(*items));
        if (items == NULL)
            return WB_ENOMEM;
        list->items = items;
        list->capacity = cap;
    }
    wb_diagnostic *d = malloc(sizeof(*d));
    if (d == NULL)
        return WB_ENOMEM;
    d->severity = severity;
    d->order = list->count;
    d->line = line > 0 ? line : 0;
    /* A finding on a line always has a column: 1 when it is about the
       line as a whole (or no finer place is known). */
    d->column = column > 0 ? column : line > 0 ? 1 : 0;
    d->rule = dup_or_empty(rule);
    d->file = dup_or_empty(file);
    d->message[WB_LANG_EN] = dup_or_empty(en);
    d->message[WB_LANG_ZH] = dup_or_empty(zh);
    if (!d->rule || !d->file || !d->message[0] || !d->message[1]) {
        free(d->rule);
        free(d->file);
        free(d->message[0]);
        free(d->message[1]);
        free(d);
        return WB_ENOMEM;
    }
    list->items[list->count] = d;
    for (int l = 0; l < 2; l++) {
        flatten(d->message[l]);
        trim_right(d->message[l]);
    }
    list->count++;
    return WB_OK;
}

int wb__diagnostics_add(wb_diagnostics *list, const char *rule,
                        const char *file, int line, int column,
                        const char *en_fmt, const char *zh_fmt, ...)
{
    char en[1024], zh[1024];
    va_list ap;
    va_start(ap, zh_fmt);
    va_list ap2;
    va_copy(ap2, ap);
    if (vsnprintf(en, sizeof(en), en_fmt, ap) < 0)
        en[0] = '\0';
    if (vsnprintf(zh, sizeof(zh), zh_fmt, ap2) < 0)
        zh[0] = '\0';
    va_end(ap2);
    va_end(ap);
    return wb__diagnostics_add_text(list, wb_check_severity(rule), rule, file,
                                    line, column, en, zh);
}

static int compare_places(const void *pa, const void *pb)
{
    const wb_diagnostic *a = *(const wb_diagnostic *const *)pa;
    const wb_diagnostic *b = *(const wb_diagnostic *const *)pb;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return (a->order > b->order) - (a->order < b->order);
}

void wb__diagnostics_sort(wb_diagnostics *list)
{
    if (list != NULL && list->count > 1)
        qsort(list->items, list->count, sizeof(*list->items), compare_places);
}

const wb_diagnostic *wb__diagnostics_first_error(const wb_diagnostics *list)
{
    for (size_t i = 0; list != NULL && i < list->count; i++)
        if (list->items[i]->severity == WB_SEVERITY_ERROR)
            return list->items[i];
    return NULL;
}

int wb__diagnostics_fail(const wb_diagnostics *list, int rc, const char *name,
                         wb_error *err)
{
    const wb_diagnostic *first = wb__diagnostics_first_error(list);
    if (first != NULL && rc != WB_ENOMEM)
        return wb__diagnostic_to_error(first, rc, err);
    return wb__error_set(err, rc, name, 0, 0, NULL, "cannot load '%s': %s",
                         name, wb_strerror(rc));
}

int wb__diagnostic_to_error(const wb_diagnostic *d, int code, wb_error *err)
{
    return wb__error_set(err, code, d->file, d->line, d->column, d->rule,
                         "%s", d->message[WB_LANG_EN]);
}

size_t wb_diagnostics_count(const wb_diagnostics *list)
{
    return list != NULL ? list->count : 0;
}

size_t wb_diagnostics_count_at_least(const wb_diagnostics *list,
                                     wb_severity min)
{
    size_t n = 0;
    for (size_t i = 0; list != NULL && i < list->count; i++)
        if (list->items[i]->severity >= min)
            n++;
    return n;
}

const wb_diagnostic *wb_diagnostics_at(const wb_diagnostics *list, size_t i)
{
    if (list == NULL || i >= list->count)
        return NULL;
    return list->items[i];
}

void wb_diagnostics_free(wb_diagnostics *list)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i]->rule);
        free(list->items[i]->file);
        free(list->items[i]->message[0]);
        free(list->items[i]->message[1]);
        free(list->items[i]);
    }
    free(list->items);
    free(list);
}

wb_severity wb_diagnostic_severity(const wb_diagnostic *d)
{
    return d != NULL ? d->severity : WB_SEVERITY_ERROR;
}

const char *wb_diagnostic_rule(const wb_diagnostic *d)
{
    return d != NULL ? d->rule : NULL;
}

const char *wb_diagnostic_message(const wb_diagnostic *d, wb_lang lang)
{
    if (d == NULL)
        return NULL;
    return d->message[lang == WB_LANG_EN ? WB_LANG_EN : WB_LANG_ZH];
}

const char *wb_diagnostic_file(const wb_diagnostic *d)
{
    return d != NULL ? d->file : NULL;
}

int wb_diagnostic_line(const wb_diagnostic *d)
{
    return d != NULL ? d->line : 0;
}

int wb_diagnostic_column(const wb_diagnostic *d)
{
    return d != NULL ? d->column : 0;
}
