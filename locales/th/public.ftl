# Thai (ไทย): messages of pages anyone can see. Complete, as every locale of
# i18n::PUBLIC_COMPLETE must be; translated by a non-native speaker, so a native speaker should
# review every message before it is shown to the public.
language-name = ไทย
page-languages-label = ภาษา
page-login-title = เข้าสู่ระบบ
page-login-username = ชื่อผู้ใช้
page-login-password = รหัสผ่าน
page-login-submit = เข้าสู่ระบบ
page-login-signed-in = คุณเข้าสู่ระบบในชื่อ { $username } แล้ว
page-logout-submit = ออกจากระบบ
page-csrf-title = หน้านี้หมดอายุแล้ว
page-csrf-detail = แบบฟอร์มหมดอายุหรือไม่ได้ส่งมาจากเว็บไซต์นี้ จึงไม่มีการเปลี่ยนแปลงใด ๆ โปรดเปิดหน้าเข้าสู่ระบบอีกครั้งแล้วลองใหม่
# The public page of a village (/v/{code}), which the QR code of an outreach notice opens.
page-village-public-title = หน้าของหมู่บ้าน
page-village-public-area = สังกัด: { $area }
page-village-public-form-pending = แบบฟอร์มแจ้งปัญหาออนไลน์ของหมู่บ้านนี้ยังไม่เปิดให้บริการ หากมีปัญหา โปรดติดต่อคณะกรรมการหมู่บ้าน
page-village-not-found-title = ไม่พบหมู่บ้านนี้
page-village-not-found-detail = ไม่มีหมู่บ้านที่มีรหัส { $code } โปรดตรวจสอบว่ารหัส QR หรือลิงก์ครบถ้วน
