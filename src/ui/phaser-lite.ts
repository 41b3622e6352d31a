// The Phaser the game ships: vite.config.ts aliases 'phaser' to this file, so
// `import * as Phaser from 'phaser'` in src/ui gets these named exports (types still come from
// the 'phaser' package). The stock phaser.esm.js is one webpack bundle that does not
// tree-shake (~353 kB gzip); Phaser's core build from its own sources plus the game objects
// below is ~210 kB. The types describe all of Phaser, so a module missing here only shows at
// run time (the browser suite): using a new game object or factory means adding it here.

// First: phaser-core.js's require order avoids Phaser's circular-require errors.
import core from 'phaser-src/phaser-core.js';
import Arc from 'phaser-src/gameobjects/shape/arc/Arc.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import Rectangle from 'phaser-src/gameobjects/shape/rectangle/Rectangle.js';
import LoaderEvents from 'phaser-src/loader/events/index.js';
// A factory registers its scene.add.<name> with GameObjectFactory when it is loaded.
import 'phaser-src/gameobjects/shape/arc/ArcFactory.js'; // add.arc, add.circle
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js';

// The core build has Graphics, Text, Image, Sprite and Layer (and their factories).
export const GameObjects = { ...core.GameObjects, Arc, Container, Rectangle };
// The core build's Loader leaves out its events (the preload scene listens to PROGRESS).
export const Loader = { ...core.Loader, Events: LoaderEvents };

// Everything else the core build has (and Phaser's types know), by name: a namespace import
// needs named exports.
export const {
  Animations,
  BlendModes,
  Cache,
  Cameras,
  Core,
  Data,
  Display,
  DOM,
  Events,
  Filters,
  Game,
  Input,
  Math,
  Plugins,
  Renderer,
  Scale,
  ScaleModes,
  Scene,
  Scenes,
  Structs,
  Textures,
  Time,
  TintModes,
  Tweens,
  // phaser/src/const.js
  VERSION,
  LOG_VERSION,
  AUTO,
  CANVAS,
  WEBGL,
  HEADLESS,
  FOREVER,
  NONE,
  UP,
  DOWN,
  LEFT,
  RIGHT,
} = core;
