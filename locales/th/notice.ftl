# Thai (ไทย): the printed notice of a legal-outreach session. NEEDS REVIEW BY A NATIVE SPEAKER:
# translated by a non-native speaker; a native speaker should check every line before notices
# are printed for villages. A message missing here prints in Chinese, marked on the notice.
notice-title = ประกาศ กิจกรรมเผยแพร่ความรู้ทางกฎหมาย
notice-intro = ขอเชิญชาวบ้านทุกท่านเข้าร่วม ไม่มีค่าใช้จ่าย
notice-date-label = วันที่
notice-date = { $weekday ->
        [1] วันจันทร์
        [2] วันอังคาร
        [3] วันพุธ
        [4] วันพฤหัสบดี
        [5] วันศุกร์
        [6] วันเสาร์
       *[7] วันอาทิตย์
    }ที่ { $day } { $month ->
        [1] มกราคม
        [2] กุมภาพันธ์
        [3] มีนาคม
        [4] เมษายน
        [5] พฤษภาคม
        [6] มิถุนายน
        [7] กรกฎาคม
        [8] สิงหาคม
        [9] กันยายน
        [10] ตุลาคม
        [11] พฤศจิกายน
       *[12] ธันวาคม
    } ค.ศ. { $year }
notice-time-label = เวลา
notice-time = { $start }–{ $end } น.
notice-place-label = สถานที่
notice-place = { $village }, { $township }, { $county }
notice-place-county = { $village }, { $county }
notice-topics-label = หัวข้อ
notice-presenters-label = วิทยากร
notice-presenters-none = จะแจ้งให้ทราบภายหลัง
notice-interpreter-label = ล่าม
notice-team-label = ผู้จัด
notice-language-label = ภาษา
notice-qr-caption = สแกนรหัสเพื่อเปิดหน้าของหมู่บ้านนี้
notice-cancelled = กิจกรรมนี้ถูกยกเลิกแล้ว
notice-fallback-note = บรรทัดที่มีเครื่องหมายนี้เป็นภาษาจีน เนื่องจากยังไม่มีคำแปล
notice-topic-border_law = กฎหมายและระเบียบเกี่ยวกับชายแดน
notice-topic-anti_drug = การป้องกันยาเสพติด
notice-topic-anti_fraud = การป้องกันการหลอกลวงทางโทรศัพท์และออนไลน์
notice-topic-anti_trafficking = การต่อต้านการค้ามนุษย์
notice-topic-marriage_law = กฎหมายว่าด้วยการสมรสและครอบครัว
notice-topic-land_disputes = การไกล่เกลี่ยข้อพิพาทเรื่องที่ดิน
notice-topic-entry_exit = ระเบียบการข้ามแดน
