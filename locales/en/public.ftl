# Messages of pages anyone can see: the layout and its language switcher, the sign-in page,
# message pages.
language-name = English
page-languages-label = Language
page-login-title = Sign in
page-login-username = User name
page-login-password = Password
page-login-submit = Sign in
page-login-signed-in = You are signed in as { $username }.
page-logout-submit = Sign out
page-csrf-title = This page has expired
page-csrf-detail = The form has expired or did not come from this site; nothing was changed. Open the sign-in page again and retry.
