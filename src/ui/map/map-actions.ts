/** The map's controllers as Svelte actions (see controller-action.ts). */
import { controllerAction } from './controller-action';
import { createBoxSelect } from './controllers/box-select';
import { createConnectDrag } from './controllers/connect-drag';
import { createSiteDrag } from './controllers/site-drag';
import { createLaneCanvas } from './lane-canvas';

export const siteDrag = controllerAction(createSiteDrag);
export const connectDrag = controllerAction(createConnectDrag);
export const boxSelect = controllerAction(createBoxSelect);
export const laneCanvas = controllerAction(createLaneCanvas);
