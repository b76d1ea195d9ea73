// Chinese messages of the React app (the default language). Keys are grouped by page.
export const zh = {
  app: {
    name: '古籍普查保护系统',
    shortName: '古籍普查保护系统',
    skip: '跳到主要内容',
    footer: '全国古籍普查登记 · 收藏单位与账号管理',
  },
  nav: {
    label: '主导航',
    home: '我的工作',
    records: '普查登记',
    review: '审校',
    triage: '保护分级',
    statistics: '统计',
    restoration: '修复',
    institutions: '收藏单位',
    users: '用户管理',
    codeLists: '代码表',
    audit: '审计日志',
    account: '我的账号',
    logout: '退出登录',
  },
  menu: { user: '用户菜单' },
  lang: { switchTo: 'English', switchHint: 'Switch to English' },
  common: {
    loading: '正在加载…',
    errorTitle: '出错了',
    networkError: '无法连接服务器，请检查网络后重试。',
    badResponse: '服务器返回了无法识别的响应。',
    requestId: '请求编号：{{id}}',
    notFoundTitle: '页面不存在',
    notFound: '找不到您要访问的页面。',
    backHome: '返回我的工作',
  },
  login: {
    title: '登录',
    intro: '请使用您的工作邮箱和密码登录。',
    email: '邮箱',
    password: '密码',
    submit: '登录',
    busy: '正在登录…',
    wait: '请等待 {{s}} 秒',
    required: '此项为必填项',
    loggedOut: '您已退出登录。',
  },
  home: {
    title: '我的工作',
    greeting: '{{name}}，您好',
    role: '角色：{{role}}',
    open: '打开',
    count: '{{count}} 项',
    nothingToDo: '暂无待办事项。',
  },
};

/** The shape every language's catalogue must have (keys of the Chinese one). */
export type Messages = { [G in keyof typeof zh]: { [K in keyof (typeof zh)[G]]: string } };
