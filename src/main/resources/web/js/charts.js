// Loads Chart.js from the WebJar inside our own jar (never a CDN) the first time a chart is drawn.
const CHART_JS = 'vendor/chart.js/4.4.1/dist/chart.umd.js';
let loading = null;

export function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.onload = () => resolve(window.Chart);
      script.onerror = () => reject(new Error('could not load the chart library'));
      document.head.appendChild(script);
    });
  }
  return loading;
}

export const COLORS = {
  negative: '#b3261e', neutral: '#6b6f76', positive: '#1b7f3b', unscored: '#b08900', pending: '#c9ccd3', volume: '#1f5fbf', detractors: '#b3261e',
};
