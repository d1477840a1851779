# Messages of pages anyone can see: the layout and its language switcher, the sign-in page,
# message pages. Reference locale; lo, th and my must define every message of this file.
language-name = 中文
page-languages-label = 语言
page-login-title = 登录
page-login-username = 用户名
page-login-password = 密码
page-login-submit = 登录
page-login-signed-in = 您已以 { $username } 的身份登录。
page-logout-submit = 退出登录
page-csrf-title = 页面已过期
page-csrf-detail = 表单已过期或来源不明，未作任何改动。请重新打开登录页再试。
# 村寨公开页面（/v/{code}），即普法宣讲通知上二维码打开的页面。
page-village-public-title = 村寨页面
page-village-public-area = 所属：{ $area }
page-village-public-form-pending = 本村的在线问题反映表尚未开通。如需反映问题，请联系村委会。
page-village-not-found-title = 未找到该村寨
page-village-not-found-detail = 没有代码为 { $code } 的村寨。请检查二维码或链接是否完整。
