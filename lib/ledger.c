/*
 * ledger.c - the ledger kinds, and records built one column at a time.
 *
 * The kinds are the library's format, not a county's data: their columns
 * are what the rules read. Each column has an English name (XML, API), a
 * Chinese header (CSV), a type and a one-line meaning; docs/ledgers.md
 * describes the same table, and a test keeps the column enums of
 * ledger_internal.h in step with it.
 *
 * A value is checked when it is set, so a bad cell is reported once, at
 * its row, and a record that reaches a rule holds only values its
 * columns can hold. Personal values (names, identity numbers) are never
 * copied into a message: an identity number is quoted masked.
 */
#include "ledger_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors_internal.h"

/* ============================================================== kinds */

#define CHOICES(...) (const char *const[]){ __VA_ARGS__, NULL }

/* Every kind ends with a note (备注): the free text clerks add to a row.
   It is checked for nothing but personal data (the privacy scan). */
#define NOTE_FIELD { "note", "备注", { "备注(自由填写;检查其中有无个人信息)", \
                                       "A free-text note (scanned for personal data)" }, \
                     WB_FIELD_TEXT, 0, NULL, NULL }

static const wb__field background_check_fields[] = {
    { "key", "编号", { "记录编号,台账内唯一", "The record's number, unique in the ledger" },
      WB_FIELD_TEXT, 1, NULL, NULL },
    { "unit", "单位", { "查询的用人单位", "The employing unit that queries" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "township", "乡镇(街道)", { "所在乡镇(街道)", "Its township (乡镇/街道)" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "name", "姓名", { "被查询人姓名(不会输出)", "The person's name (never printed)" },
      WB_FIELD_NAME, 0, NULL, NULL },
    { "id-number", "身份证号", { "被查询人公民身份号码(输出时遮蔽)",
                                 "The person's identity number (printed masked)" },
      WB_FIELD_ID_NUMBER, 0, NULL, NULL },
    { "category", "人员类别", { "新入职或在职", "A new hire or serving staff" },
      WB_FIELD_CHOICE, 0, CHOICES("新入职", "在职"), CHOICES("new-hire", "staff") },
    { "start-date", "入职日期", { "新入职人员的入职日期", "A new hire's first day" },
      WB_FIELD_DATE, 0, NULL, NULL },
    { "query-date", "查询日期", { "最近一次查询的日期", "The date of the latest query" },
      WB_FIELD_DATE, 0, NULL, NULL },
    { "result", "查询结果", { "无相关记录或有相关违法犯罪记录",
                              "No relevant record, or a relevant criminal record" },
      WB_FIELD_CHOICE, 0, CHOICES("无", "有"), CHOICES("none", "record") },
    { "result-date", "结果收到日期", { "收到查询结果的日期", "The day the result was received" },
      WB_FIELD_DATE, 0, NULL, NULL },
    { "dismissal-date", "解除工作关系日期", { "与有相关记录人员解除工作关系的日期",
                                              "The day the person was dismissed" },
      WB_FIELD_DATE, 0, NULL, NULL },
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_background_checks = {
    "background-checks", { "入职查询台账", "Background checks" },
    background_check_fields, BC_FIELDS, BC_UNIT, BC_TOWNSHIP
};

static const wb__field judicial_suggestion_fields[] = {
    { "key", "编号", { "记录编号,台账内唯一", "The record's number, unique in the ledger" },
      WB_FIELD_TEXT, 1, NULL, NULL },
    { "unit", "被建议单位", { "收到建议的单位", "The unit the suggestion was made to" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "township", "乡镇(街道)", { "所在乡镇(街道)", "Its township (乡镇/街道)" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "issuer", "建议机关", { "提出建议的人民法院、人民检察院、公安机关或司法行政部门",
                              "The court, procuratorate, police or justice bureau that made it" },
      WB_FIELD_TEXT, 0, NULL, NULL },
    { "received-date", "收到日期", { "被建议单位收到建议的日期",
                                     "The day the unit received the suggestion" },
      WB_FIELD_DATE, 0, NULL, NULL },
    { "reply-date", "书面回复日期", { "作出书面回复的日期", "The day it replied in writing" },
      WB_FIELD_DATE, 0, NULL, NULL },
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_judicial_suggestions = {
    "judicial-suggestions", { "司法建议台账", "Judicial suggestions" },
    judicial_suggestion_fields, JS_FIELDS, JS_UNIT, JS_TOWNSHIP
};

/* Columns most kinds share. */
#define KEY_FIELD { "key", "编号", { "记录编号,台账内唯一", "The record's number, unique in the ledger" }, \
                    WB_FIELD_TEXT, 1, NULL, NULL }
#define UNIT_FIELD(header) { "unit", header, { "责任单位", "The unit responsible" }, \
                             WB_FIELD_TEXT, 0, NULL, NULL }
#define TOWNSHIP_FIELD { "township", "乡镇(街道)", { "所在乡镇(街道)", "Its township (乡镇/街道)" }, \
                         WB_FIELD_TEXT, 0, NULL, NULL }
#define FIELD(name, header, zh, en, type) { name, header, { zh, en }, type, 0, NULL, NULL }
#define YES_NO CHOICES("有", "无"), CHOICES("yes", "no")
#define ROLES CHOICES("儿童主任", "儿童督导员", "强制报告责任人员"), \
              CHOICES("child-director", "child-supervisor", "reporting-staff")

static const wb__field trainee_fields[] = {
    KEY_FIELD,
    UNIT_FIELD("单位"),
    TOWNSHIP_FIELD,
    FIELD("name", "姓名", "姓名(不会输出)", "The person's name (never printed)", WB_FIELD_NAME),
    FIELD("id-number", "身份证号", "公民身份号码(输出时遮蔽)", "Identity number (printed masked)",
          WB_FIELD_ID_NUMBER),
    { "role", "岗位", { "儿童主任、儿童督导员或强制报告责任人员",
                        "Child director, child supervisor, or staff who must report" },
      WB_FIELD_CHOICE, 0, ROLES },
    FIELD("start-date", "任职日期", "任职(入职)之日", "The day the person took up the post",
          WB_FIELD_DATE),
    FIELD("end-date", "离任日期", "离任之日(在任者留空)", "The day the person left (empty while serving)",
          WB_FIELD_DATE),
    FIELD("induction-date", "入职培训日期", "接受入职培训之日", "The day of the induction training",
          WB_FIELD_DATE),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_trainees = {
    "trainees", { "培训对象台账", "Trainees" }, trainee_fields, TR_FIELDS, TR_UNIT, TR_TOWNSHIP
};

static const wb__field training_fields[] = {
    KEY_FIELD,
    FIELD("trainee", "培训对象编号", "培训对象台账中的编号", "The trainee's key in the trainees ledger",
          WB_FIELD_TEXT),
    UNIT_FIELD("单位"),
    TOWNSHIP_FIELD,
    { "role", "岗位", { "培训对象的岗位", "The trainee's post" }, WB_FIELD_CHOICE, 0, ROLES },
    { "kind", "培训类型", { "入职培训或轮训", "Induction or rotation" }, WB_FIELD_CHOICE, 0,
      CHOICES("入职培训", "轮训"), CHOICES("induction", "rotation") },
    FIELD("date", "培训日期", "培训之日(多日培训填结束日)", "The day of the training (the last, if several)",
          WB_FIELD_DATE),
    FIELD("hours", "总学时", "本次培训总学时", "The training's hours", WB_FIELD_COUNT),
    FIELD("social-work-hours", "儿童社会工作课程学时", "其中儿童社会工作相关课程学时",
          "Of which child social-work courses", WB_FIELD_COUNT),
    { "materials", "培训资料留存", { "培训资料是否保存完好", "Whether the training records are kept" },
      WB_FIELD_CHOICE, 0, YES_NO },
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_trainings = {
    "trainings", { "培训记录台账", "Trainings" }, training_fields, TG_FIELDS, TG_UNIT, TG_TOWNSHIP
};

static const wb__field community_fields[] = {
    KEY_FIELD,
    FIELD("name", "名称", "村(社区)名称", "The village's or community's name", WB_FIELD_TEXT),
    TOWNSHIP_FIELD,
    { "type", "类型", { "城市社区或村", "Urban community or village" }, WB_FIELD_CHOICE, 0,
      CHOICES("城市社区", "村"), CHOICES("urban", "rural") },
    { "venue", "关爱服务场所", { "是否建有未成年人关爱服务场所", "Whether it has a care venue for minors" },
      WB_FIELD_CHOICE, 0, YES_NO },
    FIELD("days-open", "每周开放天数", "场所每周开放天数", "Days a week the venue opens", WB_FIELD_COUNT),
    FIELD("rest-days-open", "每周节假日开放天数", "其中休息日或节假日开放天数",
          "Of which rest days or holidays", WB_FIELD_COUNT),
    FIELD("hours-per-opening", "每次开放小时数", "每次开放的小时数(取最短一次)",
          "Hours each opening (the shortest)", WB_FIELD_COUNT),
    FIELD("child-directors", "儿童主任人数", "配备的儿童主任人数", "Child directors appointed",
          WB_FIELD_COUNT),
    { "family-education-site", "家庭教育指导服务站点", { "是否建有社区家长学校或家庭教育指导服务站点",
                                                       "Whether it has a family-education site" },
      WB_FIELD_CHOICE, 0, YES_NO },
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_communities = {
    "communities", { "城乡社区台账", "Communities" }, community_fields, CM_FIELDS, -1, CM_TOWNSHIP
};

static const wb__field township_fields[] = {
    KEY_FIELD,
    FIELD("name", "名称", "乡镇(街道)名称,与其他台账“乡镇(街道)”列一致",
          "The township's name, as other ledgers write it", WB_FIELD_TEXT),
    FIELD("child-supervisors", "儿童督导员人数", "明确的儿童督导员人数", "Child supervisors appointed",
          WB_FIELD_COUNT),
    { "workstation", "未成年人保护工作站", { "是否建有未成年人保护工作站",
                                             "Whether it has a minor-protection workstation" },
      WB_FIELD_CHOICE, 0, YES_NO },
    FIELD("youth-social-workers", "青少年社会工作者人数", "工作站配备的青少年社会工作者人数",
          "Youth social workers at the workstation", WB_FIELD_COUNT),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_townships = {
    "townships", { "乡镇(街道)台账", "Townships" }, township_fields, TS_FIELDS, -1, TS_NAME
};

static const wb__field school_fields[] = {
    KEY_FIELD,
    FIELD("name", "学校名称", "学校名称", "The school's name", WB_FIELD_TEXT),
    TOWNSHIP_FIELD,
    { "stage", "学段", { "小学、初中、九年一贯制、高中、完全中学、特殊教育学校或其他",
                         "Primary, junior or senior secondary, nine-year, complete secondary, special, other" },
      WB_FIELD_CHOICE, 0,
      CHOICES("小学", "初中", "九年一贯制", "高中", "完全中学", "特殊教育学校", "其他"),
      CHOICES("primary", "junior-secondary", "nine-year", "senior-secondary", "complete-secondary",
              "special-education", "other") },
    FIELD("mental-health-teachers", "专职心理健康教育教师人数", "专职心理健康教育教师人数",
          "Full-time mental-health teachers", WB_FIELD_COUNT),
    FIELD("disabled-pupils", "随班就读残疾学生人数", "普通班就读的残疾学生人数",
          "Disabled pupils in ordinary classes", WB_FIELD_COUNT),
    { "resource-room", "资源教室", { "是否建有资源教室", "Whether it has a resource room" },
      WB_FIELD_CHOICE, 0, YES_NO },
    { "resource-room-equipped", "资源教室设施设备", { "资源教室是否配备设施设备",
                                                      "Whether the resource room is equipped" },
      WB_FIELD_CHOICE, 0, YES_NO },
    { "resource-room-staffed", "资源教室专门人员", { "资源教室是否配备专门人员",
                                                     "Whether the resource room is staffed" },
      WB_FIELD_CHOICE, 0, YES_NO },
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_schools = {
    "schools", { "学校台账", "Schools" }, school_fields, SC_FIELDS, -1, SC_TOWNSHIP
};

static const wb__field county_fields[] = {
    { "key", "名称", { "县(市、区、旗)名称", "The county's name" }, WB_FIELD_TEXT, 1, NULL, NULL },
    FIELD("population", "常住人口", "常住人口数(人)", "Resident population", WB_FIELD_COUNT),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_county = {
    "county", { "县情台账", "County profile" }, county_fields, CO_FIELDS, -1, -1
};

static const wb__field meeting_fields[] = {
    KEY_FIELD,
    { "level", "层级", { "县级党委政府会议或乡镇(街道)会议", "A county meeting or a township meeting" },
      WB_FIELD_CHOICE, 0, CHOICES("县级", "乡镇(街道)"), CHOICES("county", "township") },
    TOWNSHIP_FIELD,
    FIELD("date", "会议日期", "会议召开之日", "The day of the meeting", WB_FIELD_DATE),
    { "minutes", "会议纪要", { "是否形成会议纪要", "Whether minutes were taken" },
      WB_FIELD_CHOICE, 0, YES_NO },
    FIELD("topic", "议题", "研究的议题", "What was discussed", WB_FIELD_TEXT),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_meetings = {
    "meetings", { "会议台账", "Meetings" }, meeting_fields, MT_FIELDS, -1, MT_TOWNSHIP
};

static const wb__field activity_fields[] = {
    KEY_FIELD,
    FIELD("site", "站点编号", "开展活动的社区家长学校或指导服务站点(城乡社区台账编号)",
          "The site (its key in the communities ledger)", WB_FIELD_TEXT),
    TOWNSHIP_FIELD,
    FIELD("date", "活动日期", "活动之日", "The day of the activity", WB_FIELD_DATE),
    FIELD("kind", "活动类型", "宣传培训、家庭教育指导等", "Publicity, training, family guidance...",
          WB_FIELD_TEXT),
    { "recorded", "活动记录", { "是否做好活动记录", "Whether the activity was recorded" },
      WB_FIELD_CHOICE, 0, YES_NO },
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_activities = {
    "activities", { "家庭教育活动台账", "Family-education activities" }, activity_fields, AC_FIELDS,
    -1, AC_TOWNSHIP
};

static const wb__field data_update_fields[] = {
    KEY_FIELD,
    UNIT_FIELD("单位"),
    FIELD("date", "更新日期", "采集更新数据之日", "The day the data was collected and updated",
          WB_FIELD_DATE),
    FIELD("system", "信息系统", "更新的信息系统", "The information system updated", WB_FIELD_TEXT),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_data_updates = {
    "data-updates", { "信息系统数据更新台账", "Data updates" }, data_update_fields, DU_FIELDS,
    DU_UNIT, -1
};

static const wb__field child_fields[] = {
    KEY_FIELD,
    TOWNSHIP_FIELD,
    FIELD("name", "姓名", "儿童姓名(不会输出)", "The child's name (never printed)", WB_FIELD_NAME),
    FIELD("id-number", "身份证号", "公民身份号码(输出时遮蔽)", "Identity number (printed masked)",
          WB_FIELD_ID_NUMBER),
    { "risk-level", "风险等级", { "监护困难的风险等级:高、中、低", "Risk level: high, medium, low" },
      WB_FIELD_CHOICE, 0, CHOICES("高", "中", "低"), CHOICES("high", "medium", "low") },
    FIELD("registered-date", "建档日期", "纳入台账之日", "The day the child was registered",
          WB_FIELD_DATE),
    FIELD("closed-date", "结案日期", "不再需要走访之日(留空为在册)", "The day visits were no longer needed",
          WB_FIELD_DATE),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_children = {
    "children", { "监护困难儿童台账", "Children in guardianship difficulty" }, child_fields,
    CH_FIELDS, -1, CH_TOWNSHIP
};

static const wb__field home_visit_fields[] = {
    KEY_FIELD,
    FIELD("child", "儿童编号", "被走访儿童在儿童台账中的编号", "The child's key in the children ledger",
          WB_FIELD_TEXT),
    TOWNSHIP_FIELD,
    FIELD("date", "走访日期", "入户走访之日", "The day of the visit", WB_FIELD_DATE),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_home_visits = {
    "home-visits", { "入户走访台账", "Home visits" }, home_visit_fields, HV_FIELDS, -1, HV_TOWNSHIP
};

static const wb__field lesson_fields[] = {
    KEY_FIELD,
    FIELD("provider", "培训机构", "校外培训机构名称", "The off-campus training provider", WB_FIELD_TEXT),
    TOWNSHIP_FIELD,
    FIELD("date", "上课日期", "集体授课之日", "The day of the group lesson", WB_FIELD_DATE),
    { "compulsory", "义务教育阶段学生", { "是否面向义务教育阶段学生", "Whether for compulsory-education pupils" },
      WB_FIELD_CHOICE, 0, YES_NO },
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_lessons = {
    "lessons", { "校外培训集体授课台账", "Off-campus group lessons" }, lesson_fields, LS_FIELDS,
    -1, LS_TOWNSHIP
};

static const wb__field vacation_fields[] = {
    KEY_FIELD,
    { "kind", "假期", { "寒假或暑假", "Winter or summer vacation" }, WB_FIELD_CHOICE, 0,
      CHOICES("寒假", "暑假"), CHOICES("winter", "summer") },
    FIELD("start-date", "开始日期", "假期第一天", "The vacation's first day", WB_FIELD_DATE),
    FIELD("end-date", "结束日期", "假期最后一天", "The vacation's last day", WB_FIELD_DATE),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_vacations = {
    "vacations", { "寒暑假安排台账", "School vacations" }, vacation_fields, VC_FIELDS, -1, -1
};

static const wb__field inspection_fields[] = {
    KEY_FIELD,
    UNIT_FIELD("检查单位"),
    TOWNSHIP_FIELD,
    FIELD("date", "检查日期", "专项检查之日", "The day of the inspection", WB_FIELD_DATE),
    FIELD("place", "检查场所", "检查的网吧或场所", "The café or place inspected", WB_FIELD_TEXT),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_inspections = {
    "inspections", { "网吧专项检查台账", "Internet-café inspections" }, inspection_fields,
    IN_FIELDS, IN_UNIT, IN_TOWNSHIP
};

static const wb__field organisation_fields[] = {
    KEY_FIELD,
    FIELD("name", "组织名称", "受扶持的社会组织名称", "The social organisation supported", WB_FIELD_TEXT),
    UNIT_FIELD("扶持单位"),
    FIELD("date", "扶持日期", "扶持之日", "The day of the support", WB_FIELD_DATE),
    FIELD("support", "扶持方式", "购买服务、资金、场地等", "Services bought, funds, premises...",
          WB_FIELD_TEXT),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_social_organisations = {
    "social-organisations", { "社会组织扶持台账", "Social organisations supported" },
    organisation_fields, SO_FIELDS, SO_UNIT, -1
};

static const wb__field unit_fields[] = {
    KEY_FIELD,
    FIELD("name", "单位名称", "单位名称,与其他台账“单位”列一致", "The unit's name, as other ledgers write it",
          WB_FIELD_TEXT),
    TOWNSHIP_FIELD,
    FIELD("type", "类别", "成员单位、学校、医疗机构等", "Member body, school, hospital...",
          WB_FIELD_TEXT),
    NOTE_FIELD,
};

const wb_ledger_kind wb__ledger_units = {
    "units", { "单位台账", "Units" }, unit_fields, UN_FIELDS, UN_NAME, UN_TOWNSHIP
};

static const wb_ledger_kind *const kinds[] = {
    &wb__ledger_background_checks,
    &wb__ledger_judicial_suggestions,
    &wb__ledger_trainees,
    &wb__ledger_trainings,
    &wb__ledger_communities,
    &wb__ledger_townships,
    &wb__ledger_units,
    &wb__ledger_schools,
    &wb__ledger_county,
    &wb__ledger_meetings,
    &wb__ledger_activities,
    &wb__ledger_data_updates,
    &wb__ledger_children,
    &wb__ledger_home_visits,
    &wb__ledger_lessons,
    &wb__ledger_vacations,
    &wb__ledger_inspections,
    &wb__ledger_social_organisations,
};

#define KIND_COUNT (sizeof(kinds) / sizeof(kinds[0]))

size_t wb_ledger_kind_count(void) { return KIND_COUNT; }

const wb_ledger_kind *wb_ledger_kind_at(size_t i)
{
    return i < KIND_COUNT ? kinds[i] : NULL;
}

const wb_ledger_kind *wb_ledger_kind_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < KIND_COUNT; i++)
        if (strcmp(kinds[i]->name, name) == 0 || strcmp(kinds[i]->title[0], name) == 0)
            return kinds[i];
    return NULL;
}

static int lang_index(wb_lang lang) { return lang == WB_LANG_EN ? 1 : 0; }

const char *wb_ledger_kind_name(const wb_ledger_kind *kind) { return kind ? kind->name : NULL; }

const char *wb_ledger_kind_title(const wb_ledger_kind *kind, wb_lang lang)
{
    return kind ? kind->title[lang_index(lang)] : NULL;
}

size_t wb_ledger_field_count(const wb_ledger_kind *kind) { return kind ? kind->field_count : 0; }

static const wb__field *field_at(const wb_ledger_kind *kind, size_t i)
{
    return kind != NULL && i < kind->field_count ? &kind->fields[i] : NULL;
}

const char *wb_ledger_field_name(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->name : NULL;
}

const char *wb_ledger_field_header(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->header : NULL;
}

wb_field_type wb_ledger_field_type(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->type : WB_FIELD_TEXT;
}

int wb_ledger_field_required(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->required : 0;
}

size_t wb_ledger_field_choice_count(const wb_ledger_kind *kind, size_t i)
{
    const wb__field *f = field_at(kind, i);
    size_t n = 0;
    if (f != NULL && f->choices_zh != NULL)
        while (f->choices_zh[n] != NULL)
            n++;
    return n;
}

const char *wb_ledger_field_choice(const wb_ledger_kind *kind, size_t i, size_t k, wb_lang lang)
{
    if (k >= wb_ledger_field_choice_count(kind, i))
        return NULL;
    const wb__field *f = field_at(kind, i);
    return lang == WB_LANG_EN ? f->choices_en[k] : f->choices_zh[k];
}

const char *wb_ledger_field_summary(const wb_ledger_kind *kind, size_t i, wb_lang lang)
{
    const wb__field *f = field_at(kind, i);
    return f ? f->summary[lang_index(lang)] : NULL;
}

int wb__ledger_field_index(const wb_ledger_kind *kind, const char *name)
{
    for (size_t i = 0; i < kind->field_count; i++)
        if (strcmp(kind->fields[i].name, name) == 0 || strcmp(kind->fields[i].header, name) == 0)
            return (int)i;
    return -1;
}

/* ======================================================= personal data */

/* GB 11643: 17 digits, then a check character over weights 2^(17-i) mod 11. */
int wb_id_number_is_valid(const char *s)
{
    if (s == NULL || strlen(s) != 18)
        return 0;
    int sum = 0, weight = 1;
    for (int i = 16; i >= 0; i--) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        weight = weight * 2 % 11;
        sum += (s[i] - '0') * weight;
    }
    char check = "10X98765432"[sum % 11];
    char last = s[17] == 'x' ? 'X' : s[17];
    if (last != check)
        return 0;
    /* Characters 7–14 are the birth date. */
    int y = 0, m = 0, d = 0;
    for (int i = 6; i < 10; i++)
        y = y * 10 + (s[i] - '0');
    m = (s[10] - '0') * 10 + (s[11] - '0');
    d = (s[12] - '0') * 10 + (s[13] - '0');
    wb_date birth;
    return wb_date_from_ymd(&birth, y, m, d, NULL) == WB_OK;
}

void wb_mask_id_number(char *buf, const char *id_number)
{
    if (buf == NULL)
        return;
    size_t n = id_number != NULL ? strlen(id_number) : 0;
    if (n >= WB_MASK_STRLEN)
        n = WB_MASK_STRLEN - 1;
    for (size_t i = 0; i < n; i++) {
        /* Only ASCII is kept; a multi-byte character is never half-shown. */
        unsigned char c = (unsigned char)id_number[i];
        int keep = n >= 11 && (i < 6 || i >= n - 4) && c < 0x80;
        buf[i] = keep ? (char)c : '*';
    }
    buf[n] = '\0';
}

/* The bytes of a digit at p, ASCII or full-width (０-９), or 0. */
static size_t digit_at(const unsigned char *p)
{
    if (p[0] >= '0' && p[0] <= '9')
        return 1;
    return p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99 ? 3 : 0;
}

/* The bytes of a check character at p (X, x, Ｘ, ｘ), or 0. */
static size_t check_char_at(const unsigned char *p)
{
    if (p[0] == 'X' || p[0] == 'x')
        return 1;
    return p[0] == 0xEF && ((p[1] == 0xBC && p[2] == 0xB8) || (p[1] == 0xBD && p[2] == 0x98))
               ? 3 : 0;
}

/* The bytes of the character at p: a lead byte's length, but only as far
   as continuation bytes go (a digit after a stray lead byte stays a digit). */
static size_t char_at(const unsigned char *p)
{
    size_t n = p[0] < 0xC0 ? 1 : p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
    for (size_t k = 1; k < n; k++)
        if ((p[k] & 0xC0) != 0x80)
            return k;
    return n;
}

typedef struct mask_out {
    char *buf;
    size_t size, len, total;
    int full;
} mask_out;

/* Append n bytes, or nothing once a character did not fit: the text is
   cut before a character, never inside one. */
static void put_masked(mask_out *m, const char *bytes, size_t n)
{
    m->total += n;
    if (m->full || m->len + n >= m->size) {
        m->full = 1;
        return;
    }
    memcpy(m->buf + m->len, bytes, n);
    m->len += n;
}

/* The bytes of a separator between a number's groups at p (a space, a
   hyphen, U+3000), or 0. */
static size_t group_sep_at(const unsigned char *p)
{
    if (p[0] == ' ' || p[0] == '-')
        return 1;
    return p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
}

/*
 * A number a message quotes is shown by its last 4 characters only: a
 * cell or key may hold a phone, card or identity number, and messages end
 * up in reports and logs. 10 digits is the shortest such number (a
 * landline with its area code); shorter runs (years, counts, serials) show.
 * A number written in groups (110101 2015 0307 123X, 138-1234-5678) is one
 * run: a group of 3 or more digits, a separator and more digits go on
 * with it; a date's 2-digit groups end it (2026-03-01 shows).
 */
size_t wb__mask_numbers(char *buf, size_t size, const char *s)
{
    mask_out m = { buf, size, 0, 0, size == 0 };
    const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
    while (*p != '\0') {
        size_t k = digit_at(p);
        if (k == 0) {
            k = char_at(p);
            put_masked(&m, (const char *)p, k);
            p += k;
            continue;
        }
        const unsigned char *end = p;
        size_t n = 0;
        for (;;) {
            size_t group = 0, sep;
            while ((k = digit_at(end)) > 0) {
                end += k;
                n++;
                group++;
            }
            if (group < 3 || (sep = group_sep_at(end)) == 0 || digit_at(end + sep) == 0)
                break;
            end += sep;
        }
        if (n == 17 && (k = check_char_at(end)) > 0) {
            end += k;
            n++;
        }
        for (size_t i = 0; p < end;) {
            k = digit_at(p) > 0 ? digit_at(p) : check_char_at(p);
            if (k == 0) {
                k = group_sep_at(p);
                put_masked(&m, (const char *)p, k);
            } else if (n >= 10 && i++ < n - 4) {
                put_masked(&m, "*", 1);
            } else {
                put_masked(&m, (const char *)p, k);
            }
            p += k;
        }
    }
    if (size > 0)
        buf[m.len] = '\0';
    return m.total;
}

char *wb__mask_numbers_dup(const char *s)
{
    size_t n = wb__mask_numbers(NULL, 0, s);
    char *copy = malloc(n + 1);
    if (copy != NULL)
        wb__mask_numbers(copy, n + 1, s);
    return copy;
}

void wb__quote_value(char *buf, size_t size, const char *s)
{
    if (wb__mask_numbers(buf, size - 3, s) >= size - 3)
        memcpy(buf + strlen(buf), "...", 4);
}

/* ============================================================ records */

static void record_init(wb_record *record, const wb_ledger_kind *kind)
{
    memset(record, 0, sizeof(*record));
    record->kind = kind;
}

void wb__record_reset(wb_record *record)
{
    for (size_t i = 0; i < WB__MAX_FIELDS; i++)
        if (record->text[i] != NULL) {
            record->text[i][0] = '\0';
            record->text[i] = NULL;
        }
    record->line = 0;
    record->unreadable = 0;
}

/* Each column's buffer, kept across resets so that a reader of a million
   rows allocates once per column, not once per cell. */
typedef struct record_storage {
    wb_record record;
    char *buffer[WB__MAX_FIELDS];
} record_storage;

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* Whole-number text, 0 to 2^31-1; no sign, no spaces inside. */
static int parse_count(const char *s, int32_t *out)
{
    if (*s == '\0')
        return 0;
    int64_t n = 0;
    for (; *s != '\0'; s++) {
        if (*s < '0' || *s > '9')
            return 0;
        n = n * 10 + (*s - '0');
        if (n > INT32_MAX)
            return 0;
    }
    *out = (int32_t)n;
    return 1;
}

/* Yes/no columns also take what clerks write in Excel: 是/否, √/×, Y/N, 1/0. */
static int yes_no_index(const char *s)
{
    static const char *const yes[] = { "有", "是", "yes", "y", "Y", "YES", "√", "1", NULL };
    static const char *const no[] = { "无", "否", "no", "n", "N", "NO", "×", "0", NULL };
    for (size_t i = 0; yes[i] != NULL; i++)
        if (strcmp(s, yes[i]) == 0)
            return 0;
    for (size_t i = 0; no[i] != NULL; i++)
        if (strcmp(s, no[i]) == 0)
            return 1;
    return -1;
}

static int choice_index(const wb__field *f, const char *s)
{
    if (strcmp(f->choices_en[0], "yes") == 0 && f->choices_en[1] != NULL &&
        strcmp(f->choices_en[1], "no") == 0 && f->choices_en[2] == NULL)
        return yes_no_index(s);
    for (int k = 0; f->choices_zh[k] != NULL; k++)
        if (strcmp(s, f->choices_zh[k]) == 0 || strcmp(s, f->choices_en[k]) == 0)
            return k;
    return -1;
}

/* Quote a value in a message: long numbers masked, the first 44 bytes. */
static void quote(char *buf, size_t size, const char *s)
{
    wb__quote_value(buf, size, s);
}

/* Report a cell the column cannot hold, in both languages. */
static int bad_cell(const wb_record *record, wb__cell_problem *problem, wb_error *err,
                    const char *rule, const char *en, const char *zh)
{
    if (problem != NULL) {
        problem->rule = rule;
        snprintf(problem->en, sizeof(problem->en), "%s", en);
        snprintf(problem->zh, sizeof(problem->zh), "%s", zh);
    }
    return wb__error_set(err, WB_EPARSE, record->source, record->line, record->line > 0 ? 1 : 0,
                         rule, "%s", en);
}

int wb__record_set_field(wb_record *record, int field, const char *value, size_t len,
                         wb__cell_problem *problem, wb_error *err)
{
    record_storage *st = (record_storage *)record;
    const wb__field *f = &record->kind->fields[field];
    while (len > 0 && is_space((unsigned char)*value)) {
        value++;
        len--;
    }
    while (len > 0 && is_space((unsigned char)value[len - 1]))
        len--;
    if (len == 0) {
        record->text[field] = NULL;
        return WB_OK;
    }
    if (len + 1 > record->capacity[field]) {
        size_t cap = len + 1 < 32 ? 32 : len + 1;
        char *grown = realloc(st->buffer[field], cap);
        if (grown == NULL)
            return wb__error_set(err, WB_ENOMEM, record->source, record->line, 0, NULL,
                                 "out of memory");
        st->buffer[field] = grown;
        record->capacity[field] = cap;
    }
    char *text = st->buffer[field];
    memcpy(text, value, len);
    text[len] = '\0';
    record->text[field] = NULL;

    char shown[48], en[1024], zh[1024];
    if (memchr(value, '\0', len) != NULL) {
        snprintf(en, sizeof(en), "column %s (%s) holds a NUL character", f->name, f->header);
        snprintf(zh, sizeof(zh), "“%s”列含有 NUL 字符", f->header);
        return bad_cell(record, problem, err, "ledger-bad-value", en, zh);
    }
    switch (f->type) {
    case WB_FIELD_DATE:
        if (wb_date_parse(&record->date[field], text, NULL) != WB_OK) {
            quote(shown, sizeof(shown), text);
            snprintf(en, sizeof(en), "column %s (%s): '%s' is not a date that exists",
                     f->name, f->header, shown);
            snprintf(zh, sizeof(zh), "“%s”列:“%s”不是存在的日期", f->header, shown);
            return bad_cell(record, problem, err, "ledger-bad-date", en, zh);
        }
        break;
    case WB_FIELD_COUNT:
        if (!parse_count(text, &record->number[field])) {
            quote(shown, sizeof(shown), text);
            snprintf(en, sizeof(en), "column %s (%s): '%s' is not a whole number of 0 or more",
                     f->name, f->header, shown);
            snprintf(zh, sizeof(zh), "“%s”列:“%s”不是非负整数", f->header, shown);
            return bad_cell(record, problem, err, "ledger-bad-value", en, zh);
        }
        break;
    case WB_FIELD_CHOICE: {
        int k = choice_index(f, text);
        if (k < 0) {
            char zh_list[256] = "", en_list[256] = "";
            for (size_t i = 0; f->choices_zh[i] != NULL; i++) {
                size_t zl = strlen(zh_list), el = strlen(en_list);
                snprintf(zh_list + zl, sizeof(zh_list) - zl, "%s%s", i ? "、" : "", f->choices_zh[i]);
                snprintf(en_list + el, sizeof(en_list) - el, "%s%s", i ? ", " : "", f->choices_en[i]);
            }
            quote(shown, sizeof(shown), text);
            snprintf(en, sizeof(en), "column %s (%s): '%s' is not one of %s (or %s)",
                     f->name, f->header, shown, zh_list, en_list);
            snprintf(zh, sizeof(zh), "“%s”列:“%s”不在可选值 %s 之中", f->header, shown, zh_list);
            return bad_cell(record, problem, err, "ledger-bad-value", en, zh);
        }
        record->number[field] = k;
        break;
    }
    case WB_FIELD_ID_NUMBER:
        if (!wb_id_number_is_valid(text)) {
            char masked[WB_MASK_STRLEN];
            wb_mask_id_number(masked, text);
            snprintf(en, sizeof(en), "column %s (%s): '%s' is not a valid identity number "
                     "(18 characters, check character per GB 11643)", f->name, f->header, masked);
            snprintf(zh, sizeof(zh), "“%s”列:“%s”不是有效的公民身份号码(18 位,校验码依 GB 11643)",
                     f->header, masked);
            return bad_cell(record, problem, err, "ledger-bad-id-number", en, zh);
        }
        break;
    case WB_FIELD_TEXT:
    case WB_FIELD_NAME:
        break;
    }
    record->text[field] = text;
    return WB_OK;
}

int wb_record_new(wb_record **out, const char *kind, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_record_new", "out");
    *out = NULL;
    if (kind == NULL)
        return wb__error_arg(err, "wb_record_new", "kind");
    const wb_ledger_kind *k = wb_ledger_kind_find(kind);
    if (k == NULL)
        return wb__error_set(err, WB_ENOTFOUND, NULL, 0, 0, NULL,
                             "no ledger kind named '%s'", kind);
    record_storage *st = calloc(1, sizeof(*st));
    if (st == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    record_init(&st->record, k);
    *out = &st->record;
    return WB_OK;
}

wb_record *wb__record_new_of(const wb_ledger_kind *kind)
{
    record_storage *st = calloc(1, sizeof(*st));
    if (st != NULL)
        record_init(&st->record, kind);
    return st != NULL ? &st->record : NULL;
}

int wb_record_set(wb_record *record, const char *field, const char *value, wb_error *err)
{
    if (record == NULL)
        return wb__error_arg(err, "wb_record_set", "record");
    if (field == NULL)
        return wb__error_arg(err, "wb_record_set", "field");
    int i = wb__ledger_field_index(record->kind, field);
    if (i < 0)
        return wb__error_set(err, WB_ENOTFOUND, NULL, 0, 0, NULL,
                             "the ledger kind '%s' has no column '%s'", record->kind->name, field);
    return wb__record_set_field(record, i, value != NULL ? value : "",
                                value != NULL ? strlen(value) : 0, NULL, err);
}

const char *wb_record_key(const wb_record *record)
{
    return record != NULL ? record->text[0] : NULL;
}

const wb_ledger_kind *wb_record_kind(const wb_record *record)
{
    return record != NULL ? record->kind : NULL;
}

void wb_record_free(wb_record *record)
{
    if (record == NULL)
        return;
    record_storage *st = (record_storage *)record;
    for (size_t i = 0; i < WB__MAX_FIELDS; i++)
        free(st->buffer[i]);
    free(st);
}
