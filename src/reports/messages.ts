// The reports capability's message catalogue: Vietnamese first, English second, same keys.
import type { Lang } from '../core/types';

const vi = {
  // Intake
  intro:
    'Cảm ơn bạn đã lên tiếng. Mình sẽ hỏi vài câu ngắn (khoảng 2 phút) rồi chuyển tin tới cán bộ bảo vệ trẻ em của xã/phường. ' +
    'Bạn có thể báo ẩn danh, và bấm "Huỷ" (hoặc gõ "huỷ") để dừng bất cứ lúc nào.\n' +
    'Nếu trẻ đang gặp nguy hiểm ngay lúc này, hãy gọi {hotlines}.',
  resumed: 'Mình tiếp tục tin bạn đang báo dở nhé.',
  askDescription:
    'Bạn hãy kể ngắn gọn chuyện gì đã xảy ra: ai, với trẻ nào, khi nào, bạn thấy hoặc nghe gì. Có thể gửi kèm ảnh.',
  descriptionTooShort: 'Bạn viết thêm vài chữ giúp mình nhé: chuyện gì đã xảy ra với trẻ?',
  descriptionTooLong: 'Phần mô tả dài quá ({max} ký tự). Bạn rút gọn những ý chính giúp mình nhé.',
  photoSaved: 'Mình đã nhận ảnh. Bạn kể thêm bằng lời chuyện gì đã xảy ra nhé.',
  photoKept: 'Mình đã nhận ảnh và gửi kèm tin này.',
  photoLimit: 'Mình chỉ giữ tối đa {max} ảnh cho mỗi tin. Bạn kể bằng lời giúp mình nhé.',
  askLocation:
    'Chuyện xảy ra ở đâu? Gõ địa chỉ theo cách bạn quen gọi, tên cũ cũng được (ví dụ: "phường Quán Thánh, quận Ba Đình, Hà Nội"). ' +
    'Trên điện thoại, bạn cũng có thể gửi vị trí.',
  locationNotFound:
    'Mình chưa tìm ra xã/phường nào khớp với "{text}". Bạn ghi thêm tên xã/phường và tỉnh/thành phố giúp mình nhé (tên cũ cũng được), hoặc gửi vị trí.',
  locationUnavailable: 'Mình chưa tra được địa chỉ lúc này, nhưng vẫn ghi lại địa chỉ bạn gõ để chuyển đi.',
  pickCommune:
    'Mình chưa chắc địa chỉ này thuộc xã/phường nào. Bạn chọn đúng nơi xảy ra giúp mình, hoặc gửi vị trí trên điện thoại:',
  pickNone: 'Không có trong danh sách',
  pickRetype: 'Không sao. Bạn gõ lại địa chỉ, ghi rõ tên xã/phường và tỉnh/thành phố giúp mình nhé.',
  pickInvalid: 'Bạn chọn một xã/phường trong danh sách, hoặc bấm "Không có trong danh sách" để gõ lại nhé.',
  confirmPoint: 'Có phải ở {commune}, {province} không?',
  yes: 'Đúng',
  no: 'Không phải',
  confirmPointInvalid: 'Bạn bấm "Đúng" hoặc "Không phải" giúp mình nhé.',
  pointNearBorder: 'Vị trí này nằm gần ranh giới giữa các xã/phường. Bạn chọn đúng nơi xảy ra giúp mình:',
  pointNowhere:
    'Vị trí bạn gửi có vẻ không nằm trong xã/phường nào của Việt Nam (có thể ở ngoài biển hoặc nước ngoài). ' +
    'Bạn gửi lại vị trí, hoặc gõ địa chỉ giúp mình nhé.',
  pointRejected: 'Cảm ơn bạn. Bạn gõ địa chỉ nơi xảy ra giúp mình nhé (tên xã/phường và tỉnh/thành phố, tên cũ cũng được).',
  askAge: 'Trẻ khoảng bao nhiêu tuổi?',
  ageInvalid: 'Bạn chọn một nhóm tuổi bên dưới, hoặc gõ số tuổi (ví dụ: 7). Nếu không chắc, chọn "Không rõ".',
  ageTooOld:
    'BảoVệ tiếp nhận tin về trẻ dưới 16 tuổi (theo Luật Trẻ em). Nếu không chắc tuổi, chọn "Không rõ"; với người từ 16 tuổi, bạn có thể gọi {hotlines}.',
  age_0_5: 'Dưới 6 tuổi',
  age_6_10: '6–10 tuổi',
  age_11_15: '11–15 tuổi',
  age_unknown: 'Không rõ',
  askDanger: 'Ngay lúc này trẻ có đang gặp nguy hiểm không?',
  dangerYes: 'Có, đang nguy hiểm',
  dangerNo: 'Không',
  dangerUnsure: 'Không rõ',
  dangerInvalid: 'Bạn chọn "Có", "Không" hoặc "Không rõ" giúp mình nhé.',
  dangerCallNow:
    '⚠️ Hãy gọi ngay {hotlines}. Đừng chờ tin nhắn này. Mình đánh dấu tin của bạn là KHẨN CẤP; theo quy định, trẻ phải được can thiệp trong vòng 12 giờ.',
  askContact:
    'Bạn để lại số điện thoại để cán bộ liên hệ khi cần (chỉ cán bộ phụ trách được xem), hoặc bấm "Ẩn danh".',
  anonymousButton: 'Ẩn danh',
  contactInvalid:
    'Số điện thoại này chưa đúng. Bạn gõ số di động 10 chữ số (ví dụ 0912 345 678 hoặc +84 912 345 678) hoặc số bàn 11 chữ số bắt đầu bằng 02, hoặc bấm "Ẩn danh".',
  summary:
    'Bạn kiểm tra lại trước khi gửi:\n' +
    '• Sự việc: {description}\n' +
    '• Nơi xảy ra: {place}\n' +
    '• Tuổi của trẻ: {age}\n' +
    '• Đang nguy hiểm: {danger}\n' +
    '• Liên hệ: {contact}\n\n' +
    'Bấm "Gửi tin" để chuyển tới cán bộ bảo vệ trẻ em. Muốn sửa phần nào, bấm nút "Sửa" của phần đó.',
  summaryPhotos: ' (kèm {count} ảnh)',
  placeUnknown: 'chưa xác định',
  contactAnonymous: 'ẩn danh',
  dangerYesShort: 'có',
  dangerNoShort: 'không',
  dangerUnsureShort: 'không rõ',
  confirmButton: 'Gửi tin',
  cancelButton: 'Huỷ',
  confirmInvalid: 'Bạn bấm "Gửi tin" để gửi, hoặc "Huỷ" nếu không muốn gửi nữa.',
  cancelled: 'Đã huỷ, tin chưa được gửi đi. Khi cần, bạn bấm "Báo tin xâm hại" để báo lại bất cứ lúc nào.',
  staleButton: 'Nút này đã cũ. Bạn chọn một mục bên dưới nhé.',
  editButton_description: 'Sửa sự việc',
  editButton_location: 'Sửa nơi xảy ra',
  editButton_child_age: 'Sửa tuổi',
  editButton_danger: 'Sửa mức nguy hiểm',
  editButton_contact: 'Sửa liên hệ',
  editing: 'Bạn sửa phần này nhé. Đang ghi: {value}',
  keepButton: 'Giữ như cũ',
  statusButton: 'Xem tình trạng',
  statusButtonRef: 'Tình trạng {ref}',
  anotherReport: 'Báo tin khác',
  statusPick: 'Bạn đã báo các tin sau từ cuộc trò chuyện này. Bấm một tin để xem tình trạng:',
  filed:
    'Đã gửi tin. Mã tin của bạn: {ref}\n\n' +
    'Tin đã được chuyển tới {recipient}. Cán bộ có thể liên hệ nếu bạn để lại số điện thoại.\n' +
    'Bấm "Xem tình trạng" (hoặc gõ "xem tình trạng") để biết tin đã được xử lý tới đâu; chỉ xem được từ cuộc trò chuyện này.\n' +
    'Nếu trẻ gặp nguy hiểm, hãy gọi ngay {hotlines}.',
  recipientOfficer: 'cán bộ bảo vệ trẻ em của {commune}',
  recipientSupervisor: 'cán bộ phụ trách bảo vệ trẻ em của {province}',
  filedUnrouted:
    'Đã ghi nhận tin. Mã tin của bạn: {ref}\n\n' +
    'Hiện BảoVệ chưa có cán bộ nhận tin cho nơi này, nên tin đang chờ người quản trị chuyển đi. ' +
    'Để trẻ được giúp sớm, bạn hãy gọi {hotlines} và đọc mã tin trên.\n' +
    'Bấm "Xem tình trạng" để biết tin đã được chuyển tới đâu.',
  filingLimited:
    'Tin này chưa được gửi đi: từ địa chỉ mạng này đã có nhiều tin báo trong một giờ qua. ' +
    'Nếu trẻ đang gặp nguy hiểm, hãy gọi ngay {hotlines} — tổng đài nghe máy cả ngày đêm và miễn phí. ' +
    'Tin của bạn vẫn được giữ ở đây: bạn có thể bấm "Gửi tin" lại sau, khi hết giờ đó.',

  // Reporter status
  statusUsage: 'Cuộc trò chuyện này chưa báo tin nào. Nếu bạn có mã tin, gõ "xem tình trạng" kèm mã, ví dụ: xem tình trạng BV-7K3Q9M',
  statusNotFound: 'Không tìm thấy tin {ref} trong cuộc trò chuyện này. Bạn kiểm tra lại mã tin nhé.',
  statusLine: 'Tin {ref} (gửi lúc {receivedAt}): {status}',
  progress: 'Cập nhật về tin {ref}: {status}',

  // Officers
  caseNew: '📣 Tin báo mới {ref}',
  caseEmergency: '⚠️ KHẨN CẤP — trẻ đang gặp nguy hiểm',
  caseWhere: 'Nơi xảy ra: {place}',
  caseAddress: 'Địa chỉ người báo ghi: {address}',
  caseMap: 'Bản đồ: {url}',
  caseAge: 'Tuổi của trẻ: {age}',
  caseDescription: 'Sự việc: {description}',
  casePhotos: 'Kèm {count} ảnh: gõ mã {ref} để xem.',
  casePhotosBelow: 'Kèm {count} ảnh, gửi ngay bên dưới.',
  casePhotosPlain: 'Kèm {count} ảnh.',
  casePhotoCaption: 'Ảnh {n}/{total} của vụ việc {ref}',
  casePhotosLinks: 'Kèm {count} ảnh người báo gửi qua Zalo:',
  casePhotosElsewhere: 'Kèm {count} ảnh người báo gửi qua Telegram. Ảnh đó chỉ gửi được cho cán bộ nhận tin trên Telegram.',
  caseContact: 'Liên hệ người báo: {contact}',
  caseAnonymous: 'Người báo ẩn danh.',
  caseStatus: 'Tình trạng: {status}',
  caseReceived: 'Nhận lúc: {at}',
  caseClocks: 'Thời hạn:',
  clockLine: '• {name}: {due}{state}',
  clockDone: ' (đã xong)',
  clockSkipped: ' (không thực hiện)',
  clockOpen: ' ({left})',
  clock_deliver: 'Chuyển tin tới xã/phường ngay',
  clock_emergency: 'Can thiệp khẩn cấp trong 12 giờ',
  clock_plan: 'Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc',
  clock_approval: 'Phê duyệt kế hoạch trong 2 ngày làm việc',
  officerStatus_received: 'mới, chưa tiếp nhận',
  officerStatus_acknowledged: 'đã tiếp nhận',
  officerStatus_assessed: 'đã xác minh, đánh giá',
  officerStatus_plan: 'đã có kế hoạch',
  officerStatus_closed: 'đã đóng',
  officerStatus_escalated: 'đã chuyển lên cấp trên',
  btnAck: 'Tiếp nhận',
  btnVerify: 'Xác minh, đánh giá',
  btnPlan: 'Lập kế hoạch',
  btnApprove: 'Ghi nhận phê duyệt',
  btnNote: 'Ghi chú thực hiện',
  btnReview: 'Đánh giá lại',
  btnRefer: 'Chuyển gửi hỗ trợ',
  btnTransfer: 'Chuyển xã/phường khác',
  btnEscalate: 'Chuyển cấp trên',
  btnClose: 'Đóng vụ việc',
  btnCloseSure: 'Đúng, đóng vụ việc',
  caseNotFound: 'Không tìm thấy vụ việc {ref}.',
  caseUsage: 'Gõ mã vụ việc để xem, ví dụ: BV-7K3Q9M',
  notOfficer: 'Phần này dành cho cán bộ bảo vệ trẻ em đã đăng ký. Nếu bạn là cán bộ, gõ "đăng ký" kèm mã mời.',
  acked: 'Đã ghi nhận: bạn tiếp nhận vụ việc {ref}.',
  assessed: 'Đã ghi nhận: vụ việc {ref} đã được xác minh, đánh giá ban đầu.',
  planned: 'Đã ghi nhận: vụ việc {ref} đã có kế hoạch hỗ trợ, can thiệp.',
  approved: 'Đã ghi nhận: kế hoạch của vụ việc {ref} đã được phê duyệt.',
  closeAsk: 'Bạn chắc chắn muốn đóng vụ việc {ref}? Sau khi đóng sẽ không còn nhắc hạn.',
  closed: 'Đã đóng vụ việc {ref}.',
  escalatedByOfficer: 'Đã chuyển vụ việc {ref} lên cán bộ phụ trách cấp tỉnh.',
  escalatedNoSupervisor: 'Đã chuyển vụ việc {ref} lên hàng chờ cấp quốc gia: tỉnh chưa có cán bộ phụ trách đăng ký trên BảoVệ.',
  alreadyDone: 'Vụ việc {ref} đã ở tình trạng "{status}", không cần làm lại.',
  notAllowedNow: 'Vụ việc {ref} đang ở tình trạng "{status}", chưa làm được việc này.',
  casesNone: 'Không có vụ việc nào đang mở.',
  casesHeader: 'Các vụ việc đang mở ({count}):',
  viewCaseButton: 'Xem {ref}',
  casesItem: '{emergency}{ref} — {place} — {status}\n{clocks}',
  casesClockItem: '   {name}: {left}',
  leftDone: 'đã xong',
  leftSkipped: 'không thực hiện',
  spanHours: '{h} giờ {m} phút',
  spanDays: '{d} ngày {h} giờ',
  left: 'còn {span}',
  overdueBy: 'quá hạn {span}',
  escalationUnacked: '⚠️ Vụ việc {ref} chưa được tiếp nhận sau {hours} giờ. Vụ việc được chuyển lên bạn.',
  escalationClock: '⚠️ Vụ việc {ref} đã quá hạn: {clock}. Vụ việc được chuyển lên bạn.',
  escalationManual: '⚠️ Cán bộ xã/phường đã chuyển vụ việc {ref} lên bạn.',
  reminderClock: '⏰ Nhắc hạn vụ việc {ref}: {clock} — hạn {due} ({left}).',
  rerouteHeader: '📣 Có {count} vụ việc ở xã/phường của bạn được báo trước khi bạn đăng ký, nay chuyển tới bạn xử lý:',
  rerouteItem: '{emergency}{ref} — nhận lúc {at}\n{clocks}',
  rerouteEmergency: '⚠️ KHẨN CẤP ',
  rerouteMore: '… và {count} vụ việc khác. Gõ "vụ việc" để xem hết.',
  rerouteFooter: 'Thời hạn theo quy định vẫn tính từ lúc nhận tin. Gõ mã vụ việc để xem chi tiết, ví dụ: {ref}',

  // Enrolment
  enrollUsage: 'Gõ "đăng ký" kèm mã mời mà quản trị viên gửi cho bạn, ví dụ: đăng ký 7K3Q-9M2P',
  enrollInvalid: 'Mã mời không đúng, đã dùng rồi hoặc đã hết hạn. Bạn liên hệ quản trị viên để nhận mã mới.',
  enrollPaused: 'Đã có quá nhiều mã mời sai được thử nên tài khoản này tạm chưa đăng ký được. Bạn thử lại sau ít phút (tối đa một giờ), hoặc nhờ người đã gửi mã thêm bạn vào danh bạ.',
  enrolledOfficer: 'Đã đăng ký: bạn là cán bộ bảo vệ trẻ em của {place}. Tin báo về nơi này sẽ được gửi tới bạn. Gõ "vụ việc" để xem các vụ việc đang mở.',
  enrolledSupervisor: 'Đã đăng ký: bạn là cán bộ phụ trách cấp tỉnh của {place}. Vụ việc quá hạn hoặc chưa có cán bộ xã sẽ được gửi tới bạn.',

  // Where am I
  whereAsk:
    'Bạn gửi vị trí của mình (trên điện thoại: bấm 📎 rồi chọn "Vị trí"), hoặc gõ địa chỉ cũ, mình sẽ cho biết xã/phường mới.',
  whereFound: 'Vị trí này thuộc {commune}, {province}.',
  whereAddressFound: 'Địa chỉ này nay thuộc {commune}, {province}.',
  whereBorder: 'Vị trí này ở gần ranh giới, có thể thuộc một trong các nơi sau:\n{list}',
  whereCandidates: 'Địa chỉ này có thể thuộc một trong các nơi sau:\n{list}',
  whereNowhere: 'Vị trí này có vẻ không thuộc xã/phường nào của Việt Nam (có thể ở ngoài biển hoặc nước ngoài). Bạn gửi lại giúp mình nhé.',
  whereNotFound: 'Mình chưa tìm ra xã/phường nào khớp với địa chỉ này. Bạn gõ "địa chỉ" kèm địa chỉ đầy đủ hơn (có tên tỉnh/thành phố), hoặc gửi vị trí.',
  whereUnavailable: 'Mình chưa tra được vị trí lúc này. Bạn thử lại sau ít phút nhé.',
};

export type ReportsCatalogue = typeof vi;

const en: ReportsCatalogue = {
  intro:
    'Thank you for speaking up. I will ask a few short questions (about 2 minutes), then pass your report to the commune child-protection officer. ' +
    'You may stay anonymous, and press "Cancel" (or type "cancel") to stop at any time.\n' +
    'If a child is in danger right now, call {hotlines}.',
  resumed: 'Let us continue the report you started.',
  askDescription: 'Briefly tell what happened: who, which child, when, what you saw or heard. You may attach a photo.',
  descriptionTooShort: 'Please write a few more words: what happened to the child?',
  descriptionTooLong: 'The description is too long ({max} characters). Please keep the main points.',
  photoSaved: 'Photo received. Please also tell in words what happened.',
  photoKept: 'Photo received; it goes with this report.',
  photoLimit: 'I keep at most {max} photos per report. Please tell the rest in words.',
  askLocation:
    'Where did it happen? Type the address as you know it, old names are fine (e.g. "phường Quán Thánh, quận Ba Đình, Hà Nội"). ' +
    'On a phone you can also share a location.',
  locationNotFound:
    'I could not find a commune matching "{text}". Please add the commune/ward and province names (old names are fine), or share a location.',
  locationUnavailable: 'I cannot look up addresses right now, but I have kept the address you typed.',
  pickCommune: 'I am not sure which commune this address is in. Please pick the right one, or share your location from your phone:',
  pickNone: 'Not in this list',
  pickRetype: 'No problem. Please type the address again with the commune/ward and province names.',
  pickInvalid: 'Please pick a commune from the list, or press "Not in this list" to type it again.',
  confirmPoint: 'Is it in {commune}, {province}?',
  yes: 'Yes',
  no: 'No',
  confirmPointInvalid: 'Please press "Yes" or "No".',
  pointNearBorder: 'This location is near a boundary between communes. Please pick the right one:',
  pointNowhere:
    'The location you shared does not seem to be in any Vietnamese commune (perhaps at sea or abroad). Please share it again, or type the address.',
  pointRejected: 'Thank you. Please type the address where it happened (commune/ward and province; old names are fine).',
  askAge: 'About how old is the child?',
  ageInvalid: 'Please pick an age group below, or type the age (e.g. 7). If you are not sure, pick "Not sure".',
  ageTooOld:
    'BảoVệ takes reports about children under 16 (Children Law). If you are not sure of the age, pick "Not sure"; for someone 16 or older you can call {hotlines}.',
  age_0_5: 'Under 6',
  age_6_10: '6–10',
  age_11_15: '11–15',
  age_unknown: 'Not sure',
  askDanger: 'Is the child in danger right now?',
  dangerYes: 'Yes, in danger now',
  dangerNo: 'No',
  dangerUnsure: 'Not sure',
  dangerInvalid: 'Please pick "Yes", "No" or "Not sure".',
  dangerCallNow:
    '⚠️ Call {hotlines} now. Do not wait for this chat. Your report is marked URGENT; by law the child must get help within 12 hours.',
  askContact: 'Leave a phone number so the officer can reach you if needed (only the responsible officer sees it), or press "Anonymous".',
  anonymousButton: 'Anonymous',
  contactInvalid:
    'That phone number does not look right. Type a 10-digit mobile number (e.g. 0912 345 678 or +84 912 345 678) or an 11-digit landline starting with 02, or press "Anonymous".',
  summary:
    'Please check before sending:\n' +
    '• What happened: {description}\n' +
    '• Where: {place}\n' +
    '• Child’s age: {age}\n' +
    '• In danger now: {danger}\n' +
    '• Contact: {contact}\n\n' +
    'Press "Send" to pass it to the child-protection officer. To change a part, press its "Change" button.',
  summaryPhotos: ' ({count} photo(s) attached)',
  placeUnknown: 'not determined',
  contactAnonymous: 'anonymous',
  dangerYesShort: 'yes',
  dangerNoShort: 'no',
  dangerUnsureShort: 'not sure',
  confirmButton: 'Send',
  cancelButton: 'Cancel',
  confirmInvalid: 'Press "Send" to send, or "Cancel" if you no longer want to.',
  cancelled: 'Cancelled; nothing was sent. Press "Report abuse" to report again at any time.',
  staleButton: 'That button has expired. Please pick an option below.',
  editButton_description: 'Change what happened',
  editButton_location: 'Change the place',
  editButton_child_age: 'Change the age',
  editButton_danger: 'Change the danger',
  editButton_contact: 'Change the contact',
  editing: 'Let us change this part. It now reads: {value}',
  keepButton: 'Keep as it was',
  statusButton: 'See status',
  statusButtonRef: 'Status of {ref}',
  anotherReport: 'Another report',
  statusPick: 'You filed these reports from this chat. Press one to see its status:',
  filed:
    'Report sent. Your reference: {ref}\n\n' +
    'It has gone to {recipient}. The officer may contact you if you left a number.\n' +
    'Press "See status" (or type "status") to see how far it has got; only from this chat.\n' +
    'If a child is in danger, call {hotlines} now.',
  recipientOfficer: 'the child-protection officer of {commune}',
  recipientSupervisor: 'the provincial child-protection officer of {province}',
  filedUnrouted:
    'Report recorded. Your reference: {ref}\n\n' +
    'BảoVệ has no officer for this place yet, so the report waits for an administrator to pass it on. ' +
    'To get help for the child quickly, call {hotlines} and give the reference above.\n' +
    'Press "See status" to see where it has gone.',
  filingLimited:
    'This report was not sent: many reports have come from this network address in the past hour. ' +
    'If a child is in danger, call {hotlines} now — the lines answer day and night, free of charge. ' +
    'Your report is kept here: you can press "Send" again once that hour has passed.',

  statusUsage: 'No report was filed from this chat. If you have a reference, type "status" and the reference, e.g. status BV-7K3Q9M',
  statusNotFound: 'No report {ref} was found in this chat. Please check the reference.',
  statusLine: 'Report {ref} (sent {receivedAt}): {status}',
  progress: 'Update on report {ref}: {status}',

  caseNew: '📣 New report {ref}',
  caseEmergency: '⚠️ EMERGENCY — child in danger now',
  caseWhere: 'Where: {place}',
  caseAddress: 'Address as written by the reporter: {address}',
  caseMap: 'Map: {url}',
  caseAge: 'Child’s age: {age}',
  caseDescription: 'What happened: {description}',
  casePhotos: '{count} photo(s) attached: type {ref} to see them.',
  casePhotosBelow: '{count} photo(s) attached, sent right below.',
  casePhotosPlain: '{count} photo(s) attached.',
  casePhotoCaption: 'Photo {n}/{total} of case {ref}',
  casePhotosLinks: '{count} photo(s) the reporter sent on Zalo:',
  casePhotosElsewhere: '{count} photo(s) the reporter sent on Telegram. They can only be sent to an officer who gets cases on Telegram.',
  caseContact: 'Reporter’s contact: {contact}',
  caseAnonymous: 'The reporter is anonymous.',
  caseStatus: 'Status: {status}',
  caseReceived: 'Received: {at}',
  caseClocks: 'Time limits:',
  clockLine: '• {name}: {due}{state}',
  clockDone: ' (done)',
  clockSkipped: ' (not carried out)',
  clockOpen: ' ({left})',
  clock_deliver: 'Deliver to the commune immediately',
  clock_emergency: 'Emergency intervention within 12 hours',
  clock_plan: 'Support/intervention plan within 5 working days',
  clock_approval: 'Plan approval within 2 working days',
  officerStatus_received: 'new, not taken up',
  officerStatus_acknowledged: 'taken up',
  officerStatus_assessed: 'verified and assessed',
  officerStatus_plan: 'plan in place',
  officerStatus_closed: 'closed',
  officerStatus_escalated: 'escalated',
  btnAck: 'Take up',
  btnVerify: 'Verify and assess',
  btnPlan: 'Support plan',
  btnApprove: 'Record approval',
  btnNote: 'Implementation note',
  btnReview: 'Review',
  btnRefer: 'Refer for support',
  btnTransfer: 'Move to another commune',
  btnEscalate: 'Escalate',
  btnClose: 'Close case',
  btnCloseSure: 'Yes, close it',
  caseNotFound: 'Case {ref} not found.',
  caseUsage: 'Type the case reference to see it, e.g. BV-7K3Q9M',
  notOfficer: 'This is for registered child-protection officers. If you are one, type "đăng ký" and your invite code.',
  acked: 'Recorded: you took up case {ref}.',
  assessed: 'Recorded: case {ref} has been verified and initially assessed.',
  planned: 'Recorded: case {ref} has a support/intervention plan.',
  approved: 'Recorded: the plan for case {ref} has been approved.',
  closeAsk: 'Are you sure you want to close case {ref}? No more reminders will be sent.',
  closed: 'Case {ref} closed.',
  escalatedByOfficer: 'Case {ref} has been passed to the provincial officer.',
  escalatedNoSupervisor: 'Case {ref} went up to the national queue: the province has no officer registered on BảoVệ.',
  alreadyDone: 'Case {ref} is already "{status}"; nothing to do.',
  notAllowedNow: 'Case {ref} is "{status}"; this action is not possible yet.',
  casesNone: 'No open cases.',
  casesHeader: 'Open cases ({count}):',
  viewCaseButton: 'Open {ref}',
  casesItem: '{emergency}{ref} — {place} — {status}\n{clocks}',
  casesClockItem: '   {name}: {left}',
  leftDone: 'done',
  leftSkipped: 'not carried out',
  spanHours: '{h} h {m} min',
  spanDays: '{d} d {h} h',
  left: '{span} left',
  overdueBy: 'overdue by {span}',
  escalationUnacked: '⚠️ Case {ref} has not been taken up after {hours} hours. It is now passed to you.',
  escalationClock: '⚠️ Case {ref} is overdue: {clock}. It is now passed to you.',
  escalationManual: '⚠️ The commune officer passed case {ref} to you.',
  reminderClock: '⏰ Reminder for case {ref}: {clock} — due {due} ({left}).',
  rerouteHeader: '📣 {count} case(s) in your commune were reported before you registered and now come to you:',
  rerouteItem: '{emergency}{ref} — received {at}\n{clocks}',
  rerouteEmergency: '⚠️ URGENT ',
  rerouteMore: '… and {count} more. Type "cases" to see them all.',
  rerouteFooter: 'The legal time limits still run from when the report was received. Type a reference for details, e.g. {ref}',

  enrollUsage: 'Type "đăng ký" and the invite code your administrator gave you, e.g. đăng ký 7K3Q-9M2P',
  enrollInvalid: 'That invite code is wrong, already used or expired. Ask your administrator for a new one.',
  enrollPaused: 'Too many wrong invite codes have been tried, so this account cannot sign up just now. Try again in a few minutes (an hour at most), or ask whoever sent the code to add you to the directory.',
  enrolledOfficer: 'Registered: you are the child-protection officer of {place}. Reports about it will come to you. Type "cases" to see open cases.',
  enrolledSupervisor: 'Registered: you are the provincial officer of {place}. Overdue cases and cases without a commune officer will come to you.',

  whereAsk: 'Share your location (on a phone: press 📎 and choose "Location"), or type an old address, and I will tell you the new commune.',
  whereFound: 'This location is in {commune}, {province}.',
  whereAddressFound: 'This address is now in {commune}, {province}.',
  whereBorder: 'This location is near a boundary; it may be in one of:\n{list}',
  whereCandidates: 'This address may be in one of:\n{list}',
  whereNowhere: 'This location does not seem to be in any Vietnamese commune (perhaps at sea or abroad). Please share it again.',
  whereNotFound: 'I could not find a commune for this address. Type "địa chỉ" and a fuller address (with the province), or share a location.',
  whereUnavailable: 'I cannot look up locations right now. Please try again in a few minutes.',
};

export const reportsMessages: Record<Lang, ReportsCatalogue> = { vi, en };
