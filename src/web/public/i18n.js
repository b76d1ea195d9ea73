// Interface language: Chinese by default, English on request; the choice is kept in localStorage.

const STORAGE_KEY = 'census.lang';
const LANGS = ['zh', 'en'];

/** zh/en dictionary. Placeholders are written {name}. */
const MESSAGES = {
  'app.name': ['古籍普查保护系统', 'Ancient Books Census and Protection System'],
  'app.shortName': ['古籍普查保护系统', 'Ancient Books Census'],
  'app.skip': ['跳到主要内容', 'Skip to main content'],
  'app.noscript': ['本系统需要启用 JavaScript。', 'This system needs JavaScript.'],
  'app.footer': [
    '全国古籍普查登记 · 收藏单位与账号管理',
    'National census of ancient books · institutions and accounts',
  ],
  'nav.label': ['主导航', 'Main navigation'],
  'nav.breadcrumb': ['当前位置', 'Breadcrumb'],
  'nav.institutions': ['收藏单位', 'Institutions'],
  'nav.users': ['用户管理', 'Users'],
  'nav.audit': ['审计日志', 'Audit log'],
  'nav.account': ['我的账号', 'My account'],
  'nav.logout': ['退出登录', 'Log out'],
  'menu.user': ['用户菜单', 'User menu'],
  'lang.switchTo': ['English', '中文'],
  'lang.switchHint': ['Switch to English', '切换到中文界面'],

  'common.loading': ['正在加载…', 'Loading…'],
  'common.saving': ['正在保存…', 'Saving…'],
  'common.save': ['保存', 'Save'],
  'common.cancel': ['取消', 'Cancel'],
  'common.search': ['查询', 'Search'],
  'common.clearFilters': ['清除筛选', 'Clear filters'],
  'common.filters': ['筛选条件', 'Filters'],
  'common.all': ['全部', 'All'],
  'common.allProvinces': ['全部省份', 'All provinces'],
  'common.allTypes': ['全部类型', 'All types'],
  'common.allRoles': ['全部角色', 'All roles'],
  'common.choose': ['请选择', 'Choose…'],
  'common.none': ['无', 'None'],
  'common.yes': ['是', 'Yes'],
  'common.no': ['否', 'No'],
  'common.actions': ['操作', 'Actions'],
  'common.prev': ['上一页', 'Previous page'],
  'common.next': ['下一页', 'Next page'],
  'common.pagination': ['分页', 'Pagination'],
  'common.pageInfo': ['第 {page} / {pages} 页', 'Page {page} of {pages}'],
  'common.total': ['共 {total} 条', '{total} in all'],
  'common.empty': ['没有符合条件的记录。', 'No matching records.'],
  'common.required': ['必填', 'required'],
  'common.requiredNote': ['标有星号的为必填项。', 'Fields marked with an asterisk are required.'],
  'common.fieldRequired': ['此项为必填项', 'This field is required'],
  'common.fixErrors': [
    '未能提交：请更正下面标出的 {n} 处问题。',
    'Not submitted: please correct the {n} problem(s) marked below.',
  ],
  'common.otherProblems': ['其他问题：', 'Other problems:'],
  'common.requestId': ['请求编号：{id}', 'Request id: {id}'],
  'common.networkError': [
    '无法连接服务器，请检查网络后重试。',
    'Cannot reach the server; check the connection and try again.',
  ],
  'common.badResponse': [
    '服务器返回了无法识别的响应。',
    'The server sent a response that could not be read.',
  ],
  'common.forbiddenPage': ['您没有访问此页面的权限。', 'You do not have access to this page.'],
  'common.notFoundTitle': ['页面不存在', 'Page not found'],
  'common.notFound': ['找不到您要访问的页面。', 'The page you asked for does not exist.'],
  'common.backToInstitutions': ['返回收藏单位列表', 'Back to the institution list'],
  'common.errorPrefix': ['错误：', 'Error: '],
  'common.errorTitle': ['出错了', 'Something went wrong'],
  'common.reload': ['重新载入最新数据', 'Reload the latest data'],
  'common.never': ['从不', 'Never'],
  'common.dash': ['—', '—'],
  'common.close': ['关闭', 'Close'],

  'login.loggedOut': ['您已退出登录。', 'You have logged out.'],
  'login.sessionEnded': ['登录已失效，请重新登录。', 'Your session has ended; please log in again.'],

  'inst.listTitle': ['收藏单位', 'Institutions'],
  'inst.new': ['新建单位', 'New institution'],
  'inst.province': ['省份', 'Province'],
  'inst.type': ['单位类型', 'Type'],
  'inst.q': ['搜索', 'Search'],
  'inst.qHint': ['单位名称或 4 位单位代码', 'Name or four-digit code'],
  'inst.fullCode': ['完整代码', 'Full code'],
  'inst.fullCodeHint': [
    '省级行政区划代码-单位代码，即本单位普查编号的前缀。',
    'Province code-institution code: the prefix of this institution’s census numbers.',
  ],
  'inst.code': ['单位代码', 'Institution code'],
  'inst.codeHint': ['4 位数字，在省内唯一，如 2001。', 'Four digits, unique within the province, e.g. 2001.'],
  'inst.codeFormat': [
    '单位代码必须是 4 位数字（如 2001）',
    'The code must be exactly four digits (e.g. 2001)',
  ],
  'inst.name': ['单位名称', 'Name'],
  'inst.address': ['地址', 'Address'],
  'inst.contactName': ['联系人', 'Contact person'],
  'inst.contactPhone': ['联系电话', 'Contact phone'],
  'inst.contactEmail': ['联系邮箱', 'Contact e-mail'],
  'inst.emailFormat': [
    '请输入有效的电子邮件地址，如 name@example.org',
    'Enter a valid e-mail address, e.g. name@example.org',
  ],
  'inst.keyProtectionBatch': ['全国古籍重点保护单位批次', 'National key protection unit batch'],
  'inst.keyProtectionShort': ['重点保护', 'Key protection'],
  'inst.batchNone': ['非重点保护单位', 'Not a key protection unit'],
  'inst.batchN': ['第 {n} 批', 'Batch {n}'],
  'inst.restorationCentre': ['国家级古籍修复中心', 'National restoration centre'],
  'inst.restorationShort': ['修复中心', 'Restoration centre'],
  'inst.rights': ['图像使用条件', 'Rights statement of the images'],
  'inst.rightsHint': [
    '决定公众能否在线阅览、下载本单位已发布记录的图像；本单位工作人员始终可见。',
    "Decides whether the public may read and download the images of this institution's published records; its own staff always see them.",
  ],
  'inst.rightsSave': ['保存使用条件', 'Save rights statement'],
  'inst.rightsSaved': ['图像使用条件已更新。', 'Rights statement updated.'],
  'inst.createTitle': ['新建收藏单位', 'New institution'],
  'inst.editTitle': ['编辑单位信息', 'Edit institution'],
  'inst.create': ['创建单位', 'Create institution'],
  'inst.created': ['收藏单位“{name}”已创建。', 'Institution “{name}” created.'],
  'inst.updated': ['单位信息已保存。', 'Institution saved.'],
  'inst.basic': ['基本信息', 'Basic information'],
  'inst.contact': ['联系方式', 'Contact'],
  'inst.protection': ['保护情况', 'Protection status'],
  'inst.details': ['单位信息', 'Details'],
  'inst.staff': ['本单位人员', 'Staff'],
  'inst.addStaff': ['为本单位新建用户', 'New user for this institution'],
  'inst.noStaff': ['本单位尚无账号。', 'This institution has no accounts yet.'],
  'inst.notFound': ['该收藏单位不存在。', 'This institution does not exist.'],
  'inst.updatedAt': ['最后修改', 'Last changed'],

  'type.公共图书馆': ['公共图书馆', 'Public library'],
  'type.高校图书馆': ['高校图书馆', 'University library'],
  'type.博物馆': ['博物馆', 'Museum'],
  'type.档案馆': ['档案馆', 'Archive'],
  'type.科研机构': ['科研机构', 'Research institute'],
  'type.宗教场所': ['宗教场所', 'Religious site'],
  'type.其他': ['其他', 'Other'],

  'users.title': ['用户管理', 'Users'],
  'users.new': ['新建用户', 'New user'],
  'users.email': ['邮箱', 'E-mail'],
  'users.displayName': ['姓名', 'Name'],
  'users.role': ['角色', 'Role'],
  'users.scope': ['所属单位或省份', 'Institution or province'],
  'users.status': ['状态', 'Status'],
  'users.active': ['已启用', 'Active'],
  'users.inactive': ['已停用', 'Deactivated'],
  'users.activate': ['启用', 'Activate'],
  'users.deactivate': ['停用', 'Deactivate'],
  'users.resetPassword': ['重置密码', 'Reset password'],
  'users.resetTitle': ['重置“{name}”的密码', 'Reset the password of “{name}”'],
  'users.resetIntro': [
    '重置后，该用户的所有登录和令牌立即失效。',
    'After the reset, all of this user’s sessions and tokens end at once.',
  ],
  'users.newPassword': ['新密码', 'New password'],
  'users.passwordHint': [
    '至少 12 个字符，并包含小写字母、大写字母、数字、符号中的至少两类。',
    'At least 12 characters, mixing at least two of: lower case, upper case, digits, symbols.',
  ],
  'users.passwordReset': [
    '已重置“{name}”的密码，其所有登录已失效。',
    'The password of “{name}” was reset; their sessions have ended.',
  ],
  'users.activated': ['已启用“{name}”。', '“{name}” activated.'],
  'users.deactivated': [
    '已停用“{name}”，其所有登录已失效。',
    '“{name}” deactivated; their sessions have ended.',
  ],
  'users.createTitle': ['新建用户', 'New user'],
  'users.password': ['初始密码', 'Initial password'],
  'users.institution': ['所属收藏单位', 'Institution'],
  'users.institutionProvince': ['单位所在省份', 'Province of the institution'],
  'users.pickProvinceFirst': ['请先选择省份', 'Choose a province first'],
  'users.noInstitutions': ['该省尚无收藏单位', 'No institutions in this province'],
  'users.province': ['所属省份', 'Province'],
  'users.hintInstitution': [
    '普查员和修复师属于一个收藏单位，省份由单位决定。',
    'Cataloguers and conservators belong to one institution; their province is the institution’s.',
  ],
  'users.hintProvince': [
    '省级管理员和审校员属于一个省份。',
    'Provincial administrators and reviewers belong to one province.',
  ],
  'users.hintNone': [
    '国家级管理员和注册读者不属于任何单位或省份。',
    'National administrators and registered readers belong to no institution or province.',
  ],
  'users.created': ['用户 {email} 已创建。', 'User {email} created.'],
  'users.create': ['创建用户', 'Create user'],
  'users.q': ['搜索', 'Search'],
  'users.qHint': ['邮箱或姓名', 'E-mail or name'],
  'users.you': ['（本人）', '(you)'],
  'users.account': ['账号', 'Account'],
  'users.scopeFieldset': ['所属范围', 'Belongs to'],

  'account.title': ['我的账号', 'My account'],
  'account.profile': ['账号信息', 'Profile'],
  'account.changePassword': ['修改密码', 'Change password'],
  'account.currentPassword': ['当前密码', 'Current password'],
  'account.newPassword': ['新密码', 'New password'],
  'account.confirmPassword': ['确认新密码', 'Confirm the new password'],
  'account.mismatch': ['两次输入的新密码不一致', 'The two new passwords do not match'],
  'account.passwordChanged': [
    '密码已修改，您的其他登录和令牌已失效。',
    'Password changed; your other sessions and tokens have ended.',
  ],
  'account.tokens': ['个人 API 令牌', 'Personal API tokens'],
  'account.tokensIntro': [
    '供脚本或其他系统调用接口使用（请求头 Authorization: Bearer <令牌>）。',
    'For scripts and other systems calling the API (header Authorization: Bearer <token>).',
  ],
  'account.tokenName': ['令牌名称', 'Token name'],
  'account.tokenNameHint': [
    '用途说明，如“馆藏数据同步脚本”。',
    'What it is for, e.g. “catalogue sync script”.',
  ],
  'account.tokenExpires': ['有效天数', 'Valid for (days)'],
  'account.tokenExpiresHint': [
    '1–3650 的整数；留空表示永不过期。',
    'A whole number from 1 to 3650; leave empty for no expiry.',
  ],
  'account.expiresFormat': ['有效天数应为 1–3650 的整数', 'Enter a whole number of days from 1 to 3650'],
  'account.createToken': ['创建令牌', 'Create token'],
  'account.tokenCreated': [
    '令牌“{name}”已创建。它只显示这一次，请立即复制并妥善保存。',
    'Token “{name}” created. It is shown only this once: copy it now and keep it safe.',
  ],
  'account.tokenValue': ['新令牌', 'New token'],
  'account.copy': ['复制令牌', 'Copy token'],
  'account.copied': ['已复制到剪贴板。', 'Copied to the clipboard.'],
  'account.copyFailed': [
    '无法自动复制，请选中文本后手动复制。',
    'Could not copy automatically; select the text and copy it by hand.',
  ],
  'account.noTokens': ['尚无个人令牌。', 'No personal tokens yet.'],
  'account.createdAt': ['创建时间', 'Created'],
  'account.lastUsed': ['最近使用', 'Last used'],
  'account.expiresAt': ['过期时间', 'Expires'],
  'account.tokenStatus': ['状态', 'Status'],
  'account.tokenActive': ['有效', 'Active'],
  'account.tokenRevoked': ['已撤销', 'Revoked'],
  'account.tokenExpired': ['已过期', 'Expired'],
  'account.revoke': ['撤销', 'Revoke'],
  'account.revoked': ['令牌“{name}”已撤销。', 'Token “{name}” revoked.'],
  'account.institution': ['所属单位', 'Institution'],
  'account.province': ['所属省份', 'Province'],

  'audit.title': ['审计日志', 'Audit log'],
  'audit.entityType': ['对象类型', 'Entity type'],
  'audit.entityId': ['对象编号', 'Entity id'],
  'audit.actorId': ['操作人编号', 'Actor id'],
  'audit.actorIdHint': ['用户的 UUID', 'The user’s UUID'],
  'audit.from': ['起始时间', 'From'],
  'audit.to': ['截止时间', 'To'],
  'audit.at': ['时间', 'Time'],
  'audit.actor': ['操作人', 'Actor'],
  'audit.action': ['操作', 'Action'],
  'audit.entity': ['对象', 'Entity'],
  'audit.changes': ['变更内容', 'Changes'],
  'audit.before': ['变更前', 'Before'],
  'audit.after': ['变更后', 'After'],
  'audit.show': ['查看变更', 'Show changes'],
  'audit.system': ['系统', 'System'],
  'audit.uuidFormat': [
    '请输入 UUID，如 1b4e28ba-2fa1-11d2-883f-0016d3cca427',
    'Enter a UUID, e.g. 1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  ],
  'audit.dateFormat': ['请输入有效的日期时间', 'Enter a valid date and time'],
  'entity.institution': ['收藏单位', 'Institution'],
  'entity.user': ['用户', 'User'],
  'entity.auth_token': ['令牌', 'Token'],
  'action.auth.login': ['登录', 'Log in'],
  'action.auth.logout': ['退出登录', 'Log out'],
  'action.auth.password_change': ['修改密码', 'Change password'],
  'action.institution.create': ['新建单位', 'Create institution'],
  'action.institution.update': ['修改单位', 'Update institution'],
  'action.token.create': ['创建令牌', 'Create token'],
  'action.token.revoke': ['撤销令牌', 'Revoke token'],
  'action.user.create': ['新建用户', 'Create user'],
  'action.user.create.initial_admin': ['创建初始管理员', 'Create initial administrator'],
  'action.user.update': ['修改用户', 'Update user'],
};

let current = readStoredLang();
const listeners = new Set();

function readStoredLang() {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return LANGS.includes(stored) ? stored : 'zh';
  } catch {
    return 'zh';
  }
}

/** The current interface language: 'zh' or 'en'. */
export function getLang() {
  return current;
}

/** The BCP 47 tag for <html lang>. */
export function langTag(lang = current) {
  return lang === 'en' ? 'en' : 'zh-CN';
}

/** Switches the language, remembers it and tells the listeners (the app re-renders). */
export function setLang(lang) {
  if (!LANGS.includes(lang) || lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  document.documentElement.lang = langTag();
  for (const listener of listeners) listener(lang);
}

/** Registers a callback for language changes. */
export function onLangChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Translates a key, filling {placeholders}; unknown keys come back as the key itself. */
export function t(key, params = {}) {
  const entry = MESSAGES[key];
  const text = entry ? entry[current === 'en' ? 1 : 0] : key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** Adds entries to the dictionary (feature modules keep their own zh/en messages). */
export function addMessages(entries) {
  Object.assign(MESSAGES, entries);
}

/** Whether a key exists (for optional labels such as audit actions). */
export function has(key) {
  return key in MESSAGES;
}

/** Picks the Chinese or English variant of a bilingual pair. */
export function pick(zh, en) {
  return current === 'en' ? (en ?? zh) : (zh ?? en);
}

/** Label of an institution type (the API's values are Chinese). */
export function typeLabel(type) {
  return has(`type.${type}`) ? t(`type.${type}`) : type;
}

/** A province's name in the current language. */
export function provinceLabel(province) {
  return province ? pick(province.nameZh, province.nameEn) : '';
}

/** Date and time in the current language. */
export function formatDateTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(current === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

document.documentElement.lang = langTag();
