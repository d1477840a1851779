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
# The public page of a village (/v/{code}), which the QR code of an outreach notice opens.
page-village-public-title = Village page
page-village-public-area = Part of: { $area }
page-village-public-form-pending = The online form for reporting problems in this village is not available yet. To report a problem, please contact your village committee.
page-village-not-found-title = Village not found
page-village-not-found-detail = There is no village with the code { $code }. Please check that the QR code or the link is complete.
