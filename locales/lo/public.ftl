# Lao (ລາວ): messages of pages anyone can see. Complete, as every locale of
# i18n::PUBLIC_COMPLETE must be; translated by a non-native speaker, so a native speaker should
# review every message before it is shown to the public.
language-name = ລາວ
page-languages-label = ພາສາ
page-login-title = ເຂົ້າສູ່ລະບົບ
page-login-username = ຊື່ຜູ້ໃຊ້
page-login-password = ລະຫັດຜ່ານ
page-login-submit = ເຂົ້າສູ່ລະບົບ
page-login-signed-in = ທ່ານເຂົ້າສູ່ລະບົບໃນຊື່ { $username } ແລ້ວ.
page-logout-submit = ອອກຈາກລະບົບ
page-csrf-title = ໜ້ານີ້ໝົດອາຍຸແລ້ວ
page-csrf-detail = ແບບຟອມໝົດອາຍຸ ຫຼື ບໍ່ໄດ້ສົ່ງມາຈາກເວັບໄຊນີ້, ຈຶ່ງບໍ່ມີການປ່ຽນແປງຫຍັງ. ກະລຸນາເປີດໜ້າເຂົ້າສູ່ລະບົບຄືນໃໝ່ ແລ້ວລອງອີກຄັ້ງ.
# The public page of a village (/v/{code}), which the QR code of an outreach notice opens.
page-village-public-title = ໜ້າຂອງບ້ານ
page-village-public-area = ຂຶ້ນກັບ: { $area }
page-village-public-form-pending = ແບບຟອມລາຍງານບັນຫາອອນລາຍຂອງບ້ານນີ້ຍັງບໍ່ທັນເປີດໃຊ້. ຖ້າມີບັນຫາ, ກະລຸນາຕິດຕໍ່ຄະນະກຳມະການບ້ານ.
page-village-not-found-title = ບໍ່ພົບບ້ານນີ້
page-village-not-found-detail = ບໍ່ມີບ້ານທີ່ມີລະຫັດ { $code }. ກະລຸນາກວດເບິ່ງວ່າລະຫັດ QR ຫຼື ລິ້ງຄົບຖ້ວນບໍ່.
