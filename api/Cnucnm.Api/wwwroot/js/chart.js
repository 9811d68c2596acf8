// An ECharts chart (SVG renderer) with PNG and SVG export.
import { saveBlob } from "./api.js";

const { defineComponent, h, onMounted, onBeforeUnmount, ref, watch } = Vue;

export const EChart = defineComponent({
  name: "EChart",
  props: { option: { type: Object, required: true }, name: { type: String, default: "chart" }, testid: { type: String, default: "chart" } },
  setup(props) {
    const element = ref(null);
    let chart = null;
    const resize = () => chart?.resize();
    onMounted(() => {
      chart = echarts.init(element.value, null, { renderer: "svg" });
      chart.setOption(props.option, true);
      window.addEventListener("resize", resize);
    });
    onBeforeUnmount(() => {
      window.removeEventListener("resize", resize);
      chart?.dispose();
    });
    watch(() => props.option, (option) => chart?.setOption(option, true), { deep: true });

    async function exportSvg() {
      saveBlob(new Blob([chart.renderToSVGString()], { type: "image/svg+xml" }), `${props.name}.svg`);
    }

    // The SVG renderer cannot paint a bitmap: draw the same option once on an off-screen canvas.
    async function exportPng() {
      const box = document.createElement("div");
      box.style.cssText = `position:absolute;left:-10000px;top:0;width:${element.value.clientWidth}px;height:${element.value.clientHeight}px`;
      document.body.appendChild(box);
      const canvas = echarts.init(box, null, { renderer: "canvas", devicePixelRatio: 2 });
      canvas.setOption({ ...props.option, animation: false, backgroundColor: "#fff" }, true);
      const blob = await new Promise((resolve) => box.querySelector("canvas").toBlob(resolve, "image/png"));
      canvas.dispose();
      box.remove();
      saveBlob(blob, `${props.name}.png`);
    }

    return () => h("div", null, [
      h("div", { class: "toolbar" }, [
        h("button", { type: "button", onClick: exportPng, "data-testid": `${props.testid}-png` }, "PNG"),
        h("button", { type: "button", onClick: exportSvg, "data-testid": `${props.testid}-svg` }, "SVG"),
      ]),
      h("div", { ref: element, class: "chart", "data-testid": props.testid }),
    ]);
  },
});
