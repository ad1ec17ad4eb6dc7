import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  build: { target: "es2022" },
  ssr: {
    // Native and Node-only modules stay external to the server bundle.
    external: ["better-sqlite3"],
  },
});
