/**
 * The parts of Phaser the game uses, built from Phaser's own source modules (vite.config.ts
 * points `phaser` here in place of the full build). Types still come from the package.
 */
import CONST from 'phaser/src/const.js';
// First: a WebGL batch handler requires the renderer namespace, which requires the batch
// handlers; entered from here the cycle resolves the way Phaser's own entry resolves it.
import 'phaser/src/renderer/index.js';
import Core from 'phaser/src/core/index.js';
import Game from 'phaser/src/core/Game.js';
import Scene from 'phaser/src/scene/Scene.js';
import Scenes from 'phaser/src/scene/index.js';
import Scale from 'phaser/src/scale/index.js';
import Color from 'phaser/src/display/color/index.js';
import CanvasTexture from 'phaser/src/textures/CanvasTexture.js';
import Camera from 'phaser/src/cameras/2d/Camera.js';
import GameObject from 'phaser/src/gameobjects/GameObject.js';
import Components from 'phaser/src/gameobjects/components/index.js';
import Container from 'phaser/src/gameobjects/container/Container.js';
import Graphics from 'phaser/src/gameobjects/graphics/Graphics.js';
import Image from 'phaser/src/gameobjects/image/Image.js';
import Rectangle from 'phaser/src/gameobjects/shape/rectangle/Rectangle.js';
import Text from 'phaser/src/gameobjects/text/Text.js';
import InputEvents from 'phaser/src/input/events/index.js';
// Scene plugins and game-object factories register themselves with Phaser when loaded.
import 'phaser/src/events/EventEmitter.js';
import 'phaser/src/cameras/2d/CameraManager.js';
import 'phaser/src/gameobjects/DisplayList.js';
import 'phaser/src/gameobjects/UpdateList.js';
import 'phaser/src/gameobjects/GameObjectFactory.js';
import 'phaser/src/gameobjects/GameObjectCreator.js';
import 'phaser/src/time/Clock.js';
import 'phaser/src/input/InputPlugin.js';
import KeyboardPlugin from 'phaser/src/input/keyboard/KeyboardPlugin.js';
import 'phaser/src/tweens/TweenManager.js';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import 'phaser/src/gameobjects/graphics/GraphicsFactory.js';
import 'phaser/src/gameobjects/image/ImageFactory.js';
import 'phaser/src/gameobjects/shape/rectangle/RectangleFactory.js';
import 'phaser/src/gameobjects/text/TextFactory.js';

/** The input names the game reads: pointer event names (the graph preview's drag and wheel), and the keyboard plugin (read once per key, keys-once.ts). */
const Input = { Events: InputEvents, Keyboard: { KeyboardPlugin } };

/** The camera class, whose changes the frame gate watches (render-on-demand.ts). */
const Cameras = { Scene2D: { Camera } };

/**
 * The `Phaser` namespace as the game reads it at run time (the rest of what it names is
 * types). phaser-custom.test.ts checks the game's code against this list.
 */
const Phaser = {
  ...(CONST as object),
  Core,
  Game,
  Scene,
  Scenes,
  Scale,
  Display: { Color },
  Input,
  Textures: { CanvasTexture },
  Cameras,
  GameObjects: { GameObject, Components, Container, Graphics, Image, Rectangle, Text },
};

export default Phaser;
