// Beside a ration: the feeds whose composition had blank values that were imputed or assumed 0 (issue 25), in the UI
// language. The API sends each note in English and Korean (compositionNotes[].textEnglish / textKorean).
import { i18n } from "./i18n.js";

const headings = {
  en: "Feed composition imputed or unknown",
  ko: "대체 추정 또는 값이 없는 사료 성분",
};

export const CompositionNotes = {
  props: { notes: { type: Array, default: () => [] } },
  setup() {
    const korean = Vue.computed(() => i18n.global.locale.value === "ko");
    return { korean, headings };
  },
  template: `
    <aside v-if="notes && notes.length" class="hint" data-testid="composition-notes">
      <strong>{{ korean ? headings.ko : headings.en }}</strong>
      <ul><li v-for="n in notes" :key="n.feedId" :data-feed="n.feedId">{{ korean ? n.textKorean : n.textEnglish }}</li></ul>
    </aside>`,
};
