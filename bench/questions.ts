/** Varied questions over a generated corpus: every kind the assistant answers, with and without diacritics. */
import type { Plan } from '../src/knowledge/index.js';
import { foldCase } from '../src/text/index.js';

type Template = (place: string, name: string, no: number) => string;

const TEMPLATES: Template[] = [
  (p, _n, no) => `Ai chủ trì nhiệm vụ ${no} của ${p}?`,
  (_p, n, no) => `${foldCase(n)} ai chu tri nhiem vu ${no}`,
  (_p, n, no) => `Nhiệm vụ ${no} của ${n} hạn khi nào?`,
  (p, _n, no) => `Sản phẩm của nhiệm vụ ${no} ở ${p} là gì?`,
  (_p, n, no) => `${n}: nhiệm vụ ${no} phối hợp với cơ quan nào?`,
  (p) => `Quý này ${p} có những nhiệm vụ nào đến hạn?`,
  (p) => `Tháng sau ${p} phải hoàn thành việc gì?`,
  (p) => `Phòng Văn hóa - Xã hội ${p} chủ trì những nhiệm vụ nào?`,
  (_p, n) => `Báo cáo 6 tháng của ${n} gửi trước ngày nào?`,
  (p) => `Ở ${p} ai chủ trì tuyên truyền Kết luận 226 trên loa truyền thanh?`,
  (_p, n) => `${foldCase(n)} viec nao da qua han`,
  (p, _n, no) => `Nhiệm vụ ${no} của ${p} đã quá hạn chưa?`,
  (p) => `Ai ký kế hoạch của ${p}?`,
  (p) => `Kinh phí thực hiện kế hoạch của ${p} lấy từ đâu?`,
  (p) => `${p} phải tinh giản bao nhiêu phần trăm số lượng hội nghị?`,
  (p) => `hoi nghi quan triet o ${foldCase(p)} toi da bao lau`,
  () => 'Tỷ giá đô la hôm nay là bao nhiêu?',
  () => 'Hội nghị chuyên môn được họp tối đa bao lâu?',
  () => 'Thời tiết hôm nay thế nào?',
  (p) => `${p} thực hiện trợ lý ảo thế nào?`,
  () => 'Sở Tài chính chủ trì những nhiệm vụ nào?',
  () => 'Phòng VHXH chủ trì những nhiệm vụ nào?',
  () => 'Những nhiệm vụ nào về chuyển đổi số?',
  (_p, n) => `kinh phi ${foldCase(n)} lay tu dau`,
];

/** `count` questions, each about a plan picked by `rnd`. */
export function buildQuestions(plans: Plan[], count: number, rnd: () => number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const plan = plans[Math.floor(rnd() * plans.length)]!;
    const loc = plan.meta.locality;
    const name = loc?.name ?? plan.id;
    const place = loc ? `${loc.level} ${loc.name}` : plan.id;
    const no = 1 + Math.floor(rnd() * Math.max(1, plan.tasks.length));
    return TEMPLATES[i % TEMPLATES.length]!(place, name, no);
  });
}
